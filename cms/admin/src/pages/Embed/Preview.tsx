import * as React from 'react';
import { Box, Loader, Typography } from '@strapi/design-system';
import type { BundleState } from '../../embed/bundle';
import { WIDGET_TAG, widgetAttributes, type EmbedSettings } from '../../embed/snippet';
import { useT } from '../../utils/useT';

/**
 * The real widget, rendered with exactly the snippet's attributes (widgetAttributes) into
 * `[data-testid="solidarity-embed-preview"]` once the widget bundle is loaded; says when the bundle
 * failed, came from the fallback origin, or does not define the element after 3 seconds.
 */
export const Preview = ({ settings, bundle }: { settings: EmbedSettings; bundle: BundleState }) => {
  const { t } = useT();
  const host = React.useRef<HTMLDivElement>(null);
  const [undefinedTag, setUndefinedTag] = React.useState<string | null>(null);
  const attrs = widgetAttributes(settings);
  const key = JSON.stringify([settings.widget, attrs]);

  React.useEffect(() => {
    const el = host.current;
    if (!el || bundle.status !== 'ready') return;
    const tag = WIDGET_TAG[settings.widget];
    const widget = document.createElement(tag);
    for (const [name, value] of attrs) widget.setAttribute(name, value);
    el.replaceChildren(widget);
    setUndefinedTag(null);
    let alive = true;
    // The submission form may be missing from this server's bundle: say so rather than show nothing.
    const timer = window.setTimeout(() => {
      if (alive && !customElements.get(tag)) setUndefinedTag(tag);
    }, 3000);
    return () => {
      alive = false;
      window.clearTimeout(timer);
      el.replaceChildren();
    };
  }, [key, bundle.status]);

  return (
    <Box>
      {bundle.status === 'loading' && <Loader small>{t('embed.preview.loading', 'Loading the widgets…')}</Loader>}
      {bundle.status === 'error' && (
        <Typography textColor="danger600" tag="p" style={{ marginBottom: '0.75rem' }}>
          {t('embed.preview.error', 'The widget bundle could not be loaded ({message}). Tried: {urls}', {
            message: bundle.message,
            urls: bundle.tried.join(', '),
          })}
        </Typography>
      )}
      {bundle.status === 'ready' && bundle.fallback && (
        <Typography variant="pi" textColor="neutral600" tag="p" style={{ marginBottom: '0.75rem' }}>
          {t('embed.preview.fallback', 'Preview loaded from {url}: the public URL is not allowed by the admin’s Content-Security-Policy or not reachable from here.', {
            url: bundle.url,
          })}
        </Typography>
      )}
      {settings.widget === 'practice' && !settings.slug && (
        <Typography variant="pi" textColor="neutral600" tag="p" style={{ marginBottom: '0.75rem' }}>
          {t('embed.preview.pickPractice', 'Pick a practice to see it here.')}
        </Typography>
      )}
      {undefinedTag && (
        <Typography textColor="warning600" tag="p" style={{ marginBottom: '0.75rem' }}>
          {t('embed.preview.undefined', 'The element {tag} is not defined by this server’s widget bundle yet.', { tag: `<${undefinedTag}>` })}
        </Typography>
      )}
      <div ref={host} data-testid="solidarity-embed-preview" />
    </Box>
  );
};

/** The "Preview" card of the Embed page: the widget on a white background, as on a partner's page. */
export const PreviewPanel = ({ settings, bundle }: { settings: EmbedSettings; bundle: BundleState }) => {
  const { t } = useT();
  return (
    <Box background="neutral0" hasRadius shadow="tableShadow" padding={6}>
      <Typography tag="h2" variant="delta" style={{ display: 'block', marginBottom: '1rem' }}>
        {t('embed.preview', 'Preview')}
      </Typography>
      <Box hasRadius borderColor="neutral200" padding={4} background="neutral0" style={{ background: '#fff', color: '#1c2421' }}>
        <Preview settings={settings} bundle={bundle} />
      </Box>
    </Box>
  );
};
