import { Box, Flex, IconButton, Link as DSLink, Typography } from '@strapi/design-system';
import { Duplicate } from '@strapi/icons';
import type { FeedLink, WidgetName } from '../../embed/snippet';
import { useT } from '../../utils/useT';
import { CopyBlock } from './CopyBlock';
import { useLabels } from './useLabels';

/** Props of SnippetPanel: what useSnippet gives, and the widget and public URL it was built for. */
export interface SnippetPanelProps {
  widget: WidgetName;
  snippet: string;
  feeds: FeedLink[];
  /** the public page of the same choice ('' for the form) */
  pageUrl: string;
  /** the iframe of that page ('' for the form) */
  iframe: string;
  publicUrl: string;
  copy: (text: string) => Promise<void>;
}

/**
 * The feeds (or, for sessions, calendars) of the same filters, one per line with its link
 * (`[data-feed="<format>"]`; a webcal:// address as code, not a link) and a button to copy it.
 */
const FeedList = ({ widget, feeds, copy }: Pick<SnippetPanelProps, 'widget' | 'feeds' | 'copy'>) => {
  const { t } = useT();
  const labels = useLabels();
  return (
    <Box>
      <Typography variant="sigma" textColor="neutral600" tag="p" style={{ marginBottom: '0.5rem' }}>
        {widget === 'sessions' ? t('embed.calendars', 'Calendars for the same filters') : t('embed.feeds', 'Feeds for the same filters')}
      </Typography>
      <Flex direction="column" alignItems="stretch" gap={2} tag="ul">
        {feeds.map((f) => (
          <Flex tag="li" key={f.format} gap={2} justifyContent="space-between" alignItems="center" data-feed={f.format}>
            <Box style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
              <Typography variant="omega" fontWeight="bold">
                {labels.feed(f.format)}
              </Typography>{' '}
              {f.format === 'webcal' ? (
                <Typography variant="pi" tag="code">
                  {f.url}
                </Typography>
              ) : (
                <DSLink href={f.url} isExternal>
                  {f.url}
                </DSLink>
              )}
            </Box>
            <IconButton label={t('embed.copyLink', 'Copy the link')} onClick={() => void copy(f.url)} variant="secondary">
              <Duplicate />
            </IconButton>
          </Flex>
        ))}
      </Flex>
    </Box>
  );
};

/**
 * The "Code to paste" card: the snippet (`[data-testid="solidarity-embed-snippet"]`), the feeds, the
 * public page's address and iframe (`solidarity-embed-page-url`, `solidarity-embed-iframe`: for
 * WordPress without the plugin and site builders that allow only iframes) and the public URL.
 */
export const SnippetPanel = ({ widget, snippet, feeds, pageUrl, iframe, publicUrl, copy }: SnippetPanelProps) => {
  const { t } = useT();
  return (
    <Box background="neutral0" hasRadius shadow="tableShadow" padding={6}>
      <Typography tag="h2" variant="delta" style={{ display: 'block', marginBottom: '1rem' }}>
        {t('embed.code', 'Code to paste')}
      </Typography>
      <Flex direction="column" alignItems="stretch" gap={4}>
        <CopyBlock label={t('embed.snippet', 'Snippet')} text={snippet} testId="solidarity-embed-snippet" onCopy={copy} />
        {feeds.length > 0 && <FeedList widget={widget} feeds={feeds} copy={copy} />}
        {pageUrl && (
          <Box>
            <Typography variant="sigma" textColor="neutral600" tag="p">
              {t('embed.iframeOrUrl', 'Iframe or a pasted address')}
            </Typography>
            <Typography variant="pi" textColor="neutral600" tag="p" style={{ marginBottom: '0.5rem' }}>
              {t(
                'embed.iframeOrUrlHint',
                'In WordPress without the plugin, paste the address on its own line in a post; it becomes the embedded content. Where a site builder allows only iframes, paste the iframe.'
              )}
            </Typography>
            <Flex direction="column" alignItems="stretch" gap={3}>
              <CopyBlock label={t('embed.pageUrl', 'Address of the public page')} text={pageUrl} testId="solidarity-embed-page-url" onCopy={copy} />
              <CopyBlock label={t('embed.iframe', 'Iframe')} text={iframe} testId="solidarity-embed-iframe" onCopy={copy} />
            </Flex>
          </Box>
        )}
        <Typography variant="pi" textColor="neutral600" tag="p">
          {t('embed.publicUrl', 'Public URL of the app: {url}', { url: publicUrl })}
        </Typography>
      </Flex>
    </Box>
  );
};
