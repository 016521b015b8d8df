import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { Duplicate } from '@strapi/icons';
import { useT } from '../../utils/useT';

/** Props of CopyBlock. */
export interface CopyBlockProps {
  label: string;
  text: string;
  /** `data-testid` of the `<pre>`, `data-copy` of its button, and the prefix of the label's id */
  testId: string;
  onCopy: (text: string) => void;
}

/** A labelled block of code (pre-wrapped) with a Copy button. */
export const CopyBlock = ({ label, text, testId, onCopy }: CopyBlockProps) => {
  const { t } = useT();
  return (
    <Box>
      <Flex justifyContent="space-between" alignItems="center" marginBottom={2}>
        <Typography variant="sigma" textColor="neutral600" id={`${testId}-label`}>
          {label}
        </Typography>
        <Button variant="secondary" size="S" startIcon={<Duplicate />} onClick={() => onCopy(text)} data-copy={testId}>
          {t('embed.copy', 'Copy')}
        </Button>
      </Flex>
      <Box
        tag="pre"
        background="neutral100"
        hasRadius
        padding={3}
        aria-labelledby={`${testId}-label`}
        data-testid={testId}
        style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontFamily: 'monospace', fontSize: '0.8125rem', margin: 0 }}
      >
        <code>{text}</code>
      </Box>
    </Box>
  );
};
