import publicController from './public';

export default {
  public: publicController,
};
