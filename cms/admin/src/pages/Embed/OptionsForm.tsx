import { Box, Flex, Typography } from '@strapi/design-system';
import { useT } from '../../utils/useT';
import { DisplayFields } from './DisplayFields';
import { FilterFields } from './FilterFields';
import { SourceFields } from './SourceFields';
import { ThemeFields } from './ThemeFields';
import type { EmbedConfig } from './useEmbedConfig';
import type { EmbedOptions } from './useEmbedOptions';

/** The "Settings" card of the Embed page: widget and language, filters, display, look (in that order). */
export const OptionsForm = ({ options, locales }: { options: EmbedOptions; locales: EmbedConfig['locales'] }) => {
  const { t } = useT();
  return (
    <Box background="neutral0" hasRadius shadow="tableShadow" padding={6}>
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Typography tag="h2" variant="delta">
          {t('embed.settings', 'Settings')}
        </Typography>
        <SourceFields options={options} locales={locales} />
        <FilterFields options={options} />
        <DisplayFields options={options} />
        <ThemeFields options={options} />
      </Flex>
    </Box>
  );
};
