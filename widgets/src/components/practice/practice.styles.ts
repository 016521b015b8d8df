import { css } from '../../internal/lit.js';

export default css`
  [part~='detail'] > [part~='title'] {
    font-size: 1.4em;
  }
  .sk {
    min-height: 16em;
  }
`;
