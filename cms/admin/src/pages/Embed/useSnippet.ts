import { useNotification } from '@strapi/strapi/admin';
import { embedCode, type EmbedSettings } from '../../embed/snippet';
import { copyText } from '../../utils/clipboard';
import { useT } from '../../utils/useT';

/**
 * The code the editor copies for `settings` (embedCode: the snippet, or the reason it cannot be
 * built as an HTML comment, the feed/calendar links, the public page's address and its iframe;
 * `defaultLocale` is the server's, for links when the snippet follows the page's language), and `copy`, which puts a text on the
 * clipboard and says in a notification whether that worked.
 */
export const useSnippet = (publicUrl: string, settings: EmbedSettings, defaultLocale = '') => {
  const { t } = useT();
  const { toggleNotification } = useNotification();
  const { snippet, feeds, pageUrl, iframe } = embedCode(publicUrl, settings, defaultLocale);

  const copy = async (text: string) => {
    const ok = await copyText(text);
    toggleNotification(
      ok
        ? { type: 'success', message: t('embed.copied', 'Copied to the clipboard.') }
        : { type: 'warning', message: t('embed.copyFailed', 'Could not copy: select the text and copy it by hand.') }
    );
  };

  return { snippet, feeds, pageUrl, iframe, copy };
};
