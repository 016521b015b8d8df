import * as React from 'react';
import { Box, Flex, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useT } from '../../utils/useT';

/** One line of the server's answer: readers of `locale` see the version in `shownIn`. */
interface Visibility {
  locale: string;
  shownIn: string | null;
  fallback: boolean;
}

/** `GET /solidarity/submissions/:documentId/locales` (server: submissions/review/visibility.ts). */
interface LocalesAnswer {
  data: { locales: string[]; visibility: Visibility[] };
}

/** A language's name in the admin's language ("ca" → "Catalan"), else its code. */
const languageName = (code: string, inLocale: string): string => {
  try {
    return new Intl.DisplayNames([inLocale, 'en'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
};

/**
 * "Languages on partner sites": for every language of the app, which text of the submission partner
 * pages in that language will show once it is approved (its own, or one found through the
 * locale's fallback chain, the same rule as the public API's). Reloads when `version` changes.
 */
export const VisibleLocales = ({ documentId, version }: { documentId: string; version?: unknown }) => {
  const { t, locale } = useT();
  const { get } = useFetchClient();
  const [rows, setRows] = React.useState<Visibility[] | null>(null);
  const [failed, setFailed] = React.useState(false);

  React.useEffect(() => {
    let live = true;
    get<LocalesAnswer>(`/solidarity/submissions/${encodeURIComponent(documentId)}/locales`).then(
      ({ data }) => live && (setRows(Array.isArray(data.data?.visibility) ? data.data.visibility : []), setFailed(false)),
      () => live && setFailed(true)
    );
    return () => {
      live = false;
    };
  }, [documentId, get, version]);

  return (
    <Box tag="section" background="neutral0" hasRadius shadow="tableShadow" padding={6} marginBottom={4} aria-labelledby="solidarity-visible-locales">
      <Typography id="solidarity-visible-locales" tag="h2" variant="delta" style={{ display: 'block', marginBottom: '0.5rem' }}>
        {t('visibility.title', 'Languages on partner sites')}
      </Typography>
      <Typography tag="p" variant="pi" textColor="neutral600" style={{ marginBottom: '1rem' }}>
        {t('visibility.explain', 'Once approved, partner pages show it in every language: its own text where it has one, else a translation found through that language’s fallback, marked as such.')}
      </Typography>
      {failed ? (
        <Typography textColor="danger600">{t('visibility.error', 'The languages could not be loaded.')}</Typography>
      ) : rows === null ? (
        <Typography textColor="neutral600">{t('visibility.loading', 'Loading…')}</Typography>
      ) : (
        <Box tag="ul" data-testid="solidarity-visible-locales">
          {rows.map((row) => (
            <Flex tag="li" key={row.locale} gap={2} paddingBottom={1} data-locale={row.locale} data-shown-in={row.shownIn ?? ''}>
              <Typography variant="omega" fontWeight="bold">
                {languageName(row.locale, locale)}
              </Typography>
              <Typography variant="omega" textColor={row.fallback ? 'neutral600' : 'success600'}>
                {row.shownIn === null
                  ? '—'
                  : row.fallback
                    ? t('visibility.fallback', 'in {locale}', { locale: languageName(row.shownIn, locale) })
                    : t('visibility.own', 'its own text')}
              </Typography>
            </Flex>
          ))}
        </Box>
      )}
    </Box>
  );
};
