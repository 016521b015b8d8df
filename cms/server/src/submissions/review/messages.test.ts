import { describe, expect, it } from 'vitest';
import ca from '../../../../admin/src/translations/ca.json';
import el from '../../../../admin/src/translations/el.json';
import en from '../../../../admin/src/translations/en.json';
import es from '../../../../admin/src/translations/es.json';
import fr from '../../../../admin/src/translations/fr.json';
import { REVIEW_STATUSES } from '../../content-types/vocabulary';
import { MESSAGE_LANGUAGES, WORDS } from './messages';

const ADMIN: Record<(typeof MESSAGE_LANGUAGES)[number], Record<string, string>> = { en, ca, es, el, fr };

describe('review refusals', () => {
  it("name the Submissions page as the admin's menu does, in every language", () => {
    for (const lang of MESSAGE_LANGUAGES) {
      expect(WORDS[lang].menu, lang).toBe(ADMIN[lang]['solidarity.menu.submissions']);
      expect(WORDS[lang].page(WORDS[lang].menu), lang).toContain(WORDS[lang].menu);
    }
  });

  it("call each review status what the admin's pages call it (in lower case inside a sentence)", () => {
    for (const lang of MESSAGE_LANGUAGES.filter((l) => l !== 'en')) {
      for (const status of REVIEW_STATUSES) {
        expect(WORDS[lang].status[status], `${lang} ${status}`).toBe(ADMIN[lang][`solidarity.status.${status}`]?.toLocaleLowerCase(lang));
      }
    }
  });

  it('put the title, the status and the page into every sentence', () => {
    for (const lang of MESSAGE_LANGUAGES) {
      const w = WORDS[lang];
      const page = w.page(w.menu);
      expect(w.underReview('«T»', w.status['needs-info'], page)).toContain('«T»');
      expect(w.underReview('«T»', w.status['needs-info'], page)).toContain(w.status['needs-info']);
      expect(w.underReview('«T»', w.status['needs-info'], page)).toContain(page);
      expect(w.rejected('«T»', page)).toContain(page);
      expect(w.fieldsChanged(w.field.reviewStatus, false, page)).toContain(w.field.reviewStatus);
      expect(w.fieldError(page)).toContain(w.menu);
    }
  });
});
