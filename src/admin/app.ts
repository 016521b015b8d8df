/**
 * The admin panel's own settings. Editors of a network work in their language:
 * Strapi ships Catalan, Spanish and French; Greek shows the plugin's own pages
 * translated and Strapi's in English.
 */
export default {
  config: {
    locales: ['ca', 'es', 'fr', 'el'],
  },
  bootstrap() {},
};
