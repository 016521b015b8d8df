import { css } from '../../internal/lit.js';

/** Styles of <solidarity-practices> (besides the shared ones): filter controls, card images. */
export default css`
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
