import { Status as DSStatus, Typography } from '@strapi/design-system';
import { useT } from '../../utils/useT';
import type { Status } from './types';

/** The design system's colour of each review status. */
const VARIANT: Record<Status, 'secondary' | 'warning' | 'alternative' | 'success' | 'danger'> = {
  submitted: 'secondary',
  'in-review': 'warning',
  'needs-info': 'alternative',
  approved: 'success',
  rejected: 'danger',
};

/**
 * The translated label of a review status (`status.<status>` of the admin translations; "No status"
 * for null or an unknown value). A Record over the vocabulary's statuses: a status added there without a label here does
 * not compile.
 */
export const useStatusLabel = () => {
  const { t } = useT();
  const labels: Record<Status, string> = {
    submitted: t('status.submitted', 'Submitted'),
    'in-review': t('status.in-review', 'In review'),
    'needs-info': t('status.needs-info', 'Needs information'),
    approved: t('status.approved', 'Approved'),
    rejected: t('status.rejected', 'Rejected'),
  };
  // A value the server should not send (not in the vocabulary) reads as no status, as null does.
  return (status: Status | null): string => (status && Object.hasOwn(labels, status) ? labels[status] : t('status.none', 'No status'));
};

/** A review status as a coloured badge with its translated label (`data-status` holds the stored value). */
export const StatusBadge = ({ status }: { status: Status | null }) => {
  const label = useStatusLabel();
  return (
    <DSStatus variant={status ? VARIANT[status] : 'neutral'} size="S" data-status={status ?? ''}>
      <Typography tag="span" variant="omega" fontWeight="bold">
        {label(status)}
      </Typography>
    </DSStatus>
  );
};
