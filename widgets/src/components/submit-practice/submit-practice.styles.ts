import { css } from '../../internal/lit.js';

/** Styles of <solidarity-submit-practice> (besides the shared ones). */
export default css`
  :host {
    --_e: var(--solidarity-color-error, #b3261e);
  }
  select,
  input {
    font: inherit;
    color: inherit;
    min-height: 2.5em;
    border-radius: calc(var(--_r) / 1.5);
    border: 1px solid var(--_b);
    background: var(--_s);
    padding: .35em .9em;
  }
  .vh {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .strong {
    font-weight: 600;
  }
  fieldset {
    border: 1px solid var(--_b);
    border-radius: var(--_r);
    padding: var(--_g);
    min-width: 0;
  }
  legend {
    font-weight: 600;
    padding: 0 .3em;
  }
  .field > * + * {
    margin-top: .3em;
  }
  label {
    display: block;
    font-weight: 600;
  }
  .opt {
    font-weight: 400;
    color: var(--_m);
  }
  .hint {
    color: var(--_m);
    font-size: .9em;
  }
  input:not([type='checkbox']), textarea, select {
    display: block;
    width: 100%;
    max-width: 40rem;
  }
  textarea {
    font: inherit;
    color: inherit;
    background: var(--_s);
    border: 1px solid var(--_m);
    border-radius: calc(var(--_r) / 1.5);
    padding: .35em .6em;
    resize: vertical;
  }
  input, select {
    border-color: var(--_m);
  }
  [aria-invalid='true']:not([type='checkbox']) {
    border: 2px solid var(--_e);
  }
  [aria-invalid='true'][type='checkbox'] {
    outline: 2px solid var(--_e);
  }
  .msg {
    color: #8c1d18;
    font-weight: 600;
  }
  .msg::before {
    content: '! ';
    content: '! ' / '';
  }
  .error {
    border-color: var(--_e);
    border-width: 2px;
  }
  .error ul {
    padding-inline-start: 1.2em;
  }
  .error a {
    color: #8c1d18;
  }
  .counter.over {
    color: #8c1d18;
    font-weight: 600;
  }
  .checks {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 14rem), 1fr));
    gap: .4em var(--_g);
    margin-top: .5em;
  }
  .check {
    display: flex;
    gap: .5em;
    align-items: flex-start;
    font-weight: 400;
  }
  .check label {
    font-weight: 400;
  }
  input[type='checkbox'] {
    width: 1.25em;
    height: 1.25em;
    min-height: 0;
    padding: 0;
    margin-top: .125em;
    flex: none;
    accent-color: var(--_a);
  }
  [part~='promoter'] {
    border-style: dashed;
  }
  .hp {
    position: absolute;
    inset-inline-start: -100vw;
    width: 1px;
    height: 1px;
    overflow: hidden;
  }
  altcha-widget {
    display: block;
    --altcha-border-radius: calc(var(--_r) / 1.5);
    --altcha-color-border: var(--_m);
    --altcha-color-base: var(--_s);
    --altcha-color-error-text: #8c1d18;
    --altcha-max-width: 20rem;
  }
  [part~='submit'] {
    background: var(--_a);
    color: var(--_o);
    font-weight: 600;
  }
  [part~='submit']:hover {
    filter: brightness(1.15);
  }
  button[aria-busy='true'] {
    cursor: progress;
  }
  .done {
    border-color: var(--_a);
    border-width: 2px;
  }
  @media (forced-colors: active) {
    [aria-invalid='true'], .error, .done {
      border-color: Mark;
    }
    .msg::before {
      content: '⚠ ';
      content: '⚠ ' / '';
    }
  }
`;
