import assessment from '../assessment/controller';
import embed from '../embed/controller';
import feeds from '../feeds/controller';
import publicController from '../reads/controller';
import review from '../submissions/review/controller';
import submissions from '../submissions/controller';
import partners from '../submissions/partner-admin';

export default {
  assessment,
  embed,
  feeds,
  partners,
  public: publicController,
  review,
  submissions,
};
