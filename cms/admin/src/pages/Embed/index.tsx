import { Flex, Grid, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { PERMISSIONS } from '../../pluginId';
import { useT } from '../../utils/useT';
import { OptionsForm } from './OptionsForm';
import { PartnerSiteCard } from './PartnerSiteCard';
import { PreviewPanel } from './Preview';
import { SnippetPanel } from './SnippetPanel';
import { useEmbedConfig } from './useEmbedConfig';
import { useEmbedOptions } from './useEmbedOptions';
import { useSnippet } from './useSnippet';

/**
 * The Embed page (plugins/solidarity/embed): settings on the left, the live preview of the real
 * widget and the code to paste on the right. The parts live beside this file: hooks (useEmbedConfig,
 * useEmbedOptions, useSnippet) and cards (OptionsForm, PreviewPanel, SnippetPanel).
 */
const EmbedPage = () => {
  const { t, locale: uiLocale } = useT();
  const { config, configError, bundle } = useEmbedConfig();
  const options = useEmbedOptions(config, uiLocale);
  const publicUrl = config?.publicUrl ?? '';
  const { snippet, feeds, pageUrl, iframe, copy } = useSnippet(publicUrl, options.settings, config?.defaultLocale ?? '');

  if (configError) {
    return (
      <Page.Main>
        <Layouts.Header title={t('embed.title', 'Embed')} />
        <Layouts.Content>
          <Typography textColor="danger600">{t('embed.configError', 'Could not load the embed settings: {message}', { message: configError })}</Typography>
        </Layouts.Content>
      </Page.Main>
    );
  }
  if (!config) return <Page.Loading />;

  return (
    <Page.Main>
      <Page.Title>{t('embed.title', 'Embed')}</Page.Title>
      <Layouts.Header
        title={t('embed.title', 'Embed')}
        subtitle={t('embed.subtitle', 'Build the snippet a member organisation pastes into its website, with a live preview of the real widget.')}
      />
      <Layouts.Content>
        <Grid.Root gap={6}>
          <Grid.Item col={5} s={12} direction="column" alignItems="stretch">
            <OptionsForm options={options} locales={config.locales} />
          </Grid.Item>

          <Grid.Item col={7} s={12} direction="column" alignItems="stretch">
            <Flex direction="column" alignItems="stretch" gap={6}>
              <PreviewPanel settings={options.previewSettings} bundle={bundle} />
              <SnippetPanel
                widget={options.settings.widget}
                snippet={snippet}
                feeds={feeds}
                pageUrl={pageUrl}
                iframe={iframe}
                publicUrl={publicUrl}
                copy={copy}
              />
              {options.settings.widget === 'submit' ? <PartnerSiteCard /> : null}
            </Flex>
          </Grid.Item>
        </Grid.Root>
      </Layouts.Content>
    </Page.Main>
  );
};

/** The Embed page, only for roles with `plugin::solidarity.embed`. */
const ProtectedEmbedPage = () => (
  <Page.Protect permissions={PERMISSIONS.embed}>
    <EmbedPage />
  </Page.Protect>
);

export default ProtectedEmbedPage;
