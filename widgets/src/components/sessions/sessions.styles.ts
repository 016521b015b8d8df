import { css } from '../../internal/lit.js';

/** Styles of <solidarity-sessions> (besides the shared ones). */
export default css`
  [part~='actions'] {
    margin-top: var(--_g);
  }
`;
