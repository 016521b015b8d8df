import { Status as DSStatus, Typography } from '@strapi/design-system';
import { useT } from '../../utils/useT';
import type { Status } from './types';

const VARIANT: Record<Status, 'secondary' | 'warning' | 'alternative' | 'success' | 'danger'> = {
  submitted: 'secondary',
  'in-review': 'warning',
  'needs-info': 'alternative',
  approved: 'success',
  rejected: 'danger',
};

export const useStatusLabel = () => {
  const { t } = useT();
  return (status: Status | null): string => {
    switch (status) {
      case 'submitted':
        return t('status.submitted', 'Submitted');
      case 'in-review':
        return t('status.in-review', 'In review');
      case 'needs-info':
        return t('status.needs-info', 'Needs information');
      case 'approved':
        return t('status.approved', 'Approved');
      case 'rejected':
        return t('status.rejected', 'Rejected');
      default:
        return t('status.none', 'No status');
    }
  };
};

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
