import { css } from '../../internal/lit.js';

/** Styles of <solidarity-statements> (besides the shared ones): badges (`.off`: a closed call's), dates. */
export default css`
  .badge {
    padding: .1em .6em;
    border-radius: 1em;
    border: 1px solid var(--_a);
    font-size: .8em;
    background: var(--_a);
    color: var(--_o);
  }
  time {
    font-weight: 600;
  }
  .off {
    background: none;
    color: var(--_m);
  }
  [part~='deadline'] {
    font-weight: 600;
  }
`;
