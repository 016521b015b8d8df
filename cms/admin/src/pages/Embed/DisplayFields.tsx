import * as React from 'react';
import { Box, Checkbox, Field, Flex, NumberInput, TextInput, Typography } from '@strapi/design-system';
import { PRACTICE_CONTROLS, clampPageSize, isHttpUrl, isListWidget } from '../../embed/snippet';
import { useT } from '../../utils/useT';
import { Choice } from './Choice';
import type { EmbedOptions } from './useEmbedOptions';
import { useLabels } from './useLabels';

/**
 * How the widget shows: the submission form's privacy notice (and a warning that its preview is
 * live), a list's layout and page size (1 to 50), and the filters visitors of the practices list get.
 */
export const DisplayFields = ({ options }: { options: EmbedOptions }) => {
  const { t } = useT();
  const labels = useLabels();
  const { settings, set } = options;
  return (
    <>
      {settings.widget === 'submit' && (
        <>
          <Field.Root
            name="privacyUrl"
            id="solidarity-embed-privacy-url"
            hint={t('embed.field.privacyUrlHint', 'Linked beside the consent checkbox of the form.')}
            error={settings.privacyUrl && !isHttpUrl(settings.privacyUrl) ? t('embed.field.privacyUrlInvalid', 'Not an http(s) address: left out') : undefined}
          >
            <Field.Label>{t('embed.field.privacyUrl', 'Privacy notice (address)')}</Field.Label>
            <TextInput
              type="url"
              value={settings.privacyUrl ?? ''}
              placeholder="https://"
              onChange={(e: React.ChangeEvent<HTMLInputElement>) => set('privacyUrl', e.target.value)}
            />
            <Field.Hint />
            <Field.Error />
          </Field.Root>
          <Typography variant="pi" textColor="warning700" tag="p">
            {t('embed.submit.live', 'The preview is the real form: a practice sent from it reaches the review queue.')}
          </Typography>
        </>
      )}
      {isListWidget(settings.widget) && (
        <Flex gap={4} alignItems="flex-start">
          <Box flex="1">
            <Choice
              label={t('embed.field.layout', 'Layout')}
              name="layout"
              value={settings.layout}
              onChange={(v) => set('layout', (v || 'list') as 'list' | 'grid')}
              options={[
                { value: 'list', label: t('embed.layout.list', 'List') },
                { value: 'grid', label: t('embed.layout.grid', 'Grid') },
              ]}
            />
          </Box>
          <Box flex="1">
            <Field.Root name="pageSize" id="solidarity-embed-page-size" hint={t('embed.field.pageSizeHint', '1 to 50')}>
              <Field.Label>{t('embed.field.pageSize', 'Items per page')}</Field.Label>
              <NumberInput
                value={settings.pageSize}
                onValueChange={(v: number | undefined) => set('pageSize', v === undefined ? undefined : clampPageSize(v))}
              />
              <Field.Hint />
            </Field.Root>
          </Box>
        </Flex>
      )}
      {settings.widget === 'practices' && (
        <Box>
          <Typography variant="pi" fontWeight="bold" tag="p" style={{ marginBottom: '0.5rem' }}>
            {t('embed.field.controls', 'Filters visitors can use')}
          </Typography>
          <Flex gap={4} wrap="wrap">
            {PRACTICE_CONTROLS.map((c) => (
              <Checkbox
                key={c}
                checked={settings.controls?.includes(c) ?? false}
                onCheckedChange={(checked: boolean | 'indeterminate') =>
                  set('controls', checked === true ? [...(settings.controls ?? []), c] : (settings.controls ?? []).filter((x) => x !== c))
                }
              >
                {labels.control(c)}
              </Checkbox>
            ))}
          </Flex>
        </Box>
      )}
    </>
  );
};
