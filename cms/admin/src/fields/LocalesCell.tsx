import type * as React from 'react';
import { styled } from 'styled-components';

/**
 * Narrows i18n's "Available in" list cell (a menu button with "Català (ca), English (en) (default) + 2 more")
 * to 20rem: its text then ends in an ellipsis and the menu still opens, so the draft/published status
 * column after it stays on screen at 1440 px.
 */
export const LocalesCell = styled.div<{ children?: React.ReactNode }>`
  max-width: 20rem;
  overflow: hidden;

  /* i18n's menu button, its flex row and its text: allowed to shrink, text left-aligned and cut with an ellipsis */
  & button {
    max-width: 100%;
  }

  & button *:not(svg) {
    min-width: 0 !important;
    justify-content: flex-start !important;
  }

  & button span,
  & button p {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
`;
