import { useStatusLabel } from '../pages/Submissions/StatusBadge';
import { STATUSES } from '../pages/Submissions/types';
import { enumerationInput } from './EnumerationInput';

/**
 * The review status custom field (`plugin::solidarity.review-status`): the enumeration's values with
 * the translated labels of the Submissions page; stores the same strings (`needs-info`...).
 */
const ReviewStatusInput = enumerationInput({
  displayName: 'ReviewStatusInput',
  values: STATUSES,
  useLabels: () => {
    const statusLabel = useStatusLabel();
    return { label: statusLabel, empty: statusLabel(null) };
  },
});

export default ReviewStatusInput;
