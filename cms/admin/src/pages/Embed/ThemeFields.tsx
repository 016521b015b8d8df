import * as React from 'react';
import { Field, TextInput, Typography } from '@strapi/design-system';
import { invalidThemeKeys } from '../../embed/snippet';
import { useT } from '../../utils/useT';
import { ColourField } from './ColourField';
import type { EmbedOptions } from './useEmbedOptions';

/**
 * The "Look" settings: accent, text and card colours (next to the widgets' own defaults) and a
 * font-family list; a refused value is marked and left out of the snippet (invalidThemeKeys).
 */
export const ThemeFields = ({ options }: { options: EmbedOptions }) => {
  const { t } = useT();
  const { settings, setTheme } = options;
  const badTheme = invalidThemeKeys(settings.theme);
  return (
    <>
      <Typography tag="h3" variant="epsilon" style={{ marginTop: '0.5rem' }}>
        {t('embed.theme', 'Look')}
      </Typography>
      <ColourField label={t('embed.theme.accent', 'Accent colour')} name="accent" widgetDefault="#0b6e4f" value={settings.theme?.accent} onChange={(v) => setTheme('accent', v)} invalid={badTheme.includes('accent')} />
      <ColourField label={t('embed.theme.text', 'Text colour')} name="text" widgetDefault="#1c2421" value={settings.theme?.text} onChange={(v) => setTheme('text', v)} invalid={badTheme.includes('text')} />
      <ColourField label={t('embed.theme.surface', 'Card colour')} name="surface" widgetDefault="#ffffff" value={settings.theme?.surface} onChange={(v) => setTheme('surface', v)} invalid={badTheme.includes('surface')} />
      <Field.Root
        name="fontFamily"
        id="solidarity-embed-font"
        hint={t('embed.theme.fontHint', 'For example: "Source Sans 3", Arial, sans-serif. Empty: the page’s font.')}
        error={badTheme.includes('fontFamily') ? t('embed.theme.invalidFont', 'Not a font-family list: left out') : undefined}
      >
        <Field.Label>{t('embed.theme.font', 'Font family')}</Field.Label>
        <TextInput value={settings.theme?.fontFamily ?? ''} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setTheme('fontFamily', e.target.value)} />
        <Field.Hint />
        <Field.Error />
      </Field.Root>
    </>
  );
};
