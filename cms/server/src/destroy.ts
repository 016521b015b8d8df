import type { Core } from '@strapi/strapi';

const destroy = (_: { strapi: Core.Strapi }) => {
  // Nothing held open yet: connections are Strapi's own.
};

export default destroy;
