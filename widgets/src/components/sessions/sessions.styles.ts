import { css } from '../../internal/lit.js';

/** Styles of <solidarity-sessions> (besides the shared ones): badges, times, the minutes' summary, text for screen readers only (`.vh`). */
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
  summary {
    cursor: pointer;
  }
  .vh {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  [part~='actions'] {
    margin-top: var(--_g);
  }
`;
