import { css } from '../../internal/lit.js';

/** Styles of <solidarity-practices> (besides the shared ones): filter controls, the open buttons of titles (`.link`), card images. */
export default css`
  .link {
    all: unset;
    cursor: pointer;
    text-decoration: underline;
    color: var(--_a);
    text-underline-offset: .15em;
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
  .controls {
    align-items: end;
  }
  .controls > *,
  .controls label {
    flex: 1 1 12em;
    min-width: 0;
  }
  label {
    display: grid;
    gap: .25em;
    font-size: .9em;
    color: var(--_m);
  }
  select,
  input {
    color: var(--_t);
    width: 100%;
    min-width: 0;
  }
  [part~='card'] img {
    display: block;
    width: 100%;
    aspect-ratio: 16 / 9;
    object-fit: cover;
  }
`;
