import { Status as DSStatus, Typography } from '@strapi/design-system';
import { StatusBadge } from '../pages/Submissions/StatusBadge';
import { STATUSES, type Status } from '../pages/Submissions/types';

/** True for a stored review status (the enumeration's values). */
export const isReviewStatus = (value: unknown): value is Status =>
  typeof value === 'string' && (STATUSES as readonly string[]).includes(value);

/** The review status of a Content Manager list row: the Submissions page's badge, with its translated label. */
export const ReviewStatusCell = ({ value }: { value: unknown }) => {
  if (value === null || value === undefined || value === '') return <Typography textColor="neutral800">-</Typography>;
  if (isReviewStatus(value)) return <StatusBadge status={value} />;
  return (
    <DSStatus variant="neutral" size="S">
      <Typography tag="span" variant="omega">
        {String(value)}
      </Typography>
    </DSStatus>
  );
};
