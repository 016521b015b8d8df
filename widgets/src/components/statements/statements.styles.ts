import { css } from '../../internal/lit.js';

/** Styles of <solidarity-statements> (besides the shared ones). */
export default css`
  [part~='deadline'] {
    font-weight: 600;
  }
`;
