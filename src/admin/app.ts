/**
 * The admin panel's own settings. Editors of a network work in their language:
 * Strapi ships Catalan, Spanish and French. It ships no Greek: ./vite.config.ts
 * adds Greek to the languages offered in Profile > Interface language, the
 * plugin's own pages come translated (cms/admin/src/translations/el.json), and
 * `translations.el` below gives the most visible strings of Strapi's own pages;
 * the rest of Strapi's pages show its English defaults.
 */
export default {
  config: {
    locales: ['ca', 'es', 'fr', 'el'],
    translations: {
      el: {
        'Auth.form.button.login': 'Σύνδεση',
        'HomePage.header.title': 'Γεια σας {name}',
        'Settings.profile.form.section.experience.interfaceLanguage': 'Γλώσσα διεπαφής',
        'Settings.profile.form.section.experience.title': 'Εμπειρία',
        'app.components.LeftMenu.logout': 'Αποσύνδεση',
        'app.components.LeftMenu.navbrand.workplace': 'Χώρος εργασίας',
        'global.cancel': 'Ακύρωση',
        'global.content-manager': 'Διαχείριση περιεχομένου',
        'global.home': 'Αρχική',
        'global.marketplace': 'Αγορά',
        'global.plugins.content-type-builder': 'Δημιουργός τύπων περιεχομένου',
        'global.profile': 'Προφίλ',
        'global.save': 'Αποθήκευση',
        'global.search': 'Αναζήτηση',
        'global.settings': 'Ρυθμίσεις',
      },
    },
  },
  bootstrap() {},
};
