import * as React from 'react';
import { Field, TextInput } from '@strapi/design-system';
import { WIDGETS, type WidgetName } from '../../embed/snippet';
import { useT } from '../../utils/useT';
import { Choice } from './Choice';
import type { EmbedConfig } from './useEmbedConfig';
import type { EmbedOptions } from './useEmbedOptions';
import { useLabels } from './useLabels';

/**
 * The first settings: which widget, in which language (or the partner page's), and for the
 * single-practice widget a search box and the practice found.
 */
export const SourceFields = ({ options, locales }: { options: EmbedOptions; locales: EmbedConfig['locales'] }) => {
  const { t } = useT();
  const labels = useLabels();
  const { settings, set, dataLocale, practiceQuery, setPracticeQuery, found } = options;
  return (
    <>
      <Choice
        label={t('embed.field.widget', 'Widget')}
        name="widget"
        value={settings.widget}
        onChange={(v) => set('widget', (v || 'practices') as WidgetName)}
        options={WIDGETS.map((w) => ({ value: w, label: labels.widget(w) }))}
      />
      <Choice
        label={t('embed.field.locale', 'Language')}
        name="locale"
        value={settings.locale}
        onChange={(v) => set('locale', v)}
        noneLabel={t('embed.locale.auto', 'The page’s language (automatic)')}
        options={locales.map((l) => ({ value: l.code, label: l.name }))}
        hint={
          settings.locale
            ? undefined
            : t('embed.locale.autoHint', 'The widget follows the language of the partner’s page (the {attribute} of the nearest element around it, else of the whole page); the preview shows {locale}.', {
                attribute: 'lang',
                locale: dataLocale,
              })
        }
      />

      {settings.widget === 'practice' && (
        <>
          <Field.Root name="practiceSearch" id="solidarity-embed-practice-search">
            <Field.Label>{t('embed.field.practiceSearch', 'Find a practice')}</Field.Label>
            <TextInput
              type="search"
              value={practiceQuery}
              placeholder={t('embed.field.practiceSearchPlaceholder', 'Words of its title or text')}
              onChange={(e: React.ChangeEvent<HTMLInputElement>) => setPracticeQuery(e.target.value)}
            />
          </Field.Root>
          <Choice
            label={t('embed.field.practice', 'Practice')}
            name="slug"
            value={settings.slug}
            onChange={(v) => set('slug', v)}
            noneLabel={found.loading ? t('loading', 'Loading…') : t('embed.field.practiceNone', 'Choose a practice')}
            options={[
              ...found.items.map((p) => ({ value: p.slug, label: p.title ?? p.slug })),
              ...(settings.slug && !found.items.some((p) => p.slug === settings.slug) ? [{ value: settings.slug, label: settings.slug }] : []),
            ]}
          />
        </>
      )}
    </>
  );
};
