import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ROOT } from '../helpers/strapi';

/**
 * The WordPress plugin's translations (ca, es, el, fr): every string its PHP and editor script pass
 * to WordPress's i18n has a translation in integrations/wordpress/tools/translations.json, and the
 * committed .po, .mo and editor JSON files are what that source builds.
 */
describe('WordPress plugin translations', () => {
  it('are complete and the committed files up to date', () => {
    const out = execFileSync(process.execPath, [path.join(APP_ROOT, 'integrations', 'wordpress', 'tools', 'build-l10n.mjs'), '--check'], {
      encoding: 'utf8',
      stdio: 'pipe',
    });
    expect(out).toContain('complete and up to date');
  });
});
