import * as React from 'react';
import { Box, Field, Flex, IconButton, TextInput } from '@strapi/design-system';
import { Cross } from '@strapi/icons';
import { useT } from '../../utils/useT';

/** Props of ColourField; `value` is what the editor typed or picked ('' or undefined: the widgets' default). */
export interface ColourFieldProps {
  label: string;
  name: string;
  value: string | undefined;
  onChange: (v: string) => void;
  /** the value was refused by isCssColor (shown as an error; the snippet leaves it out) */
  invalid: boolean;
  /** the widgets' own colour, shown while none is chosen */
  widgetDefault: string;
}

/**
 * A theme colour: a colour picker (which only knows `#rrggbb`) beside a text field taking any CSS
 * colour, and a button back to the widgets' default.
 */
export const ColourField = ({ label, name, value, onChange, invalid, widgetDefault }: ColourFieldProps) => {
  const { t } = useT();
  const hex = value && /^#[0-9a-f]{6}$/i.test(value.trim()) ? value.trim() : widgetDefault;
  return (
    <Field.Root name={name} id={`solidarity-embed-${name}`} error={invalid ? t('embed.theme.invalidColour', 'Not a CSS colour: left out') : undefined}>
      <Field.Label>{label}</Field.Label>
      <Flex gap={2} alignItems="center">
        <input
          type="color"
          aria-label={label}
          value={hex}
          onChange={(e) => onChange(e.target.value)}
          style={{ width: '3rem', height: '2.5rem', border: 'none', background: 'none', padding: 0, cursor: 'pointer' }}
        />
        <Box flex="1">
          <TextInput
            aria-label={`${label} (CSS)`}
            placeholder={t('embed.theme.default', 'Default ({colour})', { colour: widgetDefault })}
            value={value ?? ''}
            onChange={(e: React.ChangeEvent<HTMLInputElement>) => onChange(e.target.value)}
          />
        </Box>
        {value ? (
          <IconButton label={t('embed.theme.reset', 'Back to the default')} onClick={() => onChange('')} variant="ghost">
            <Cross />
          </IconButton>
        ) : null}
      </Flex>
      <Field.Error />
    </Field.Root>
  );
};
