import feeds from './feeds';
import publicController from './public';

export default {
  feeds,
  public: publicController,
};
