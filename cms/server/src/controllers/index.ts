import embed from './embed';
import feeds from './feeds';
import publicController from './public';
import review from './review';
import submissions from './submissions';

export default {
  embed,
  feeds,
  public: publicController,
  review,
  submissions,
};
