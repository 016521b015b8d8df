import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { loadWidgetBundle, type BundleState } from '../../embed/bundle';
import { backendUrl } from '../../utils/publicApi';

/** `GET /solidarity/embed/config` (admin API): the app's public URL and its locales. */
export interface EmbedConfig {
  /** the absolute http(s) URL partners load the widgets from */
  publicUrl: string;
  locales: { code: string; name: string; isDefault: boolean }[];
  defaultLocale: string;
}

/**
 * The embed settings of the server (`config` null until loaded, `configError` the message of a
 * failed request) and the state of the widget bundle, loaded once the public URL is known: from the
 * public URL, else from the server the admin talks to, else this page's origin (loadWidgetBundle).
 */
export const useEmbedConfig = () => {
  const { get } = useFetchClient();
  const [config, setConfig] = React.useState<EmbedConfig | null>(null);
  const [configError, setConfigError] = React.useState<string | null>(null);
  const [bundle, setBundle] = React.useState<BundleState>({ status: 'loading' });

  React.useEffect(() => {
    get<EmbedConfig>('/solidarity/embed/config')
      .then(({ data }) => setConfig(data))
      .catch((error: Error) => setConfigError(error.message));
  }, [get]);

  React.useEffect(() => {
    if (!config) return;
    let alive = true;
    setBundle({ status: 'loading' });
    loadWidgetBundle(config.publicUrl, [backendUrl(), window.location.origin]).then((state) => alive && setBundle(state));
    return () => {
      alive = false;
    };
  }, [config]);

  return { config, configError, bundle };
};
