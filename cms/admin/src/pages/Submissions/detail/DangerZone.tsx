import { Box, Button, Typography } from '@strapi/design-system';
import { Trash } from '@strapi/icons';
import { useT } from '../../../utils/useT';

/** "Danger zone": what erasing does, and the button opening its confirmation (only for roles with `plugin::solidarity.erase`). */
export const DangerZone = ({ busy, onErase }: { busy: boolean; onErase: () => void }) => {
  const { t } = useT();
  return (
    <Box tag="section" background="danger100" hasRadius padding={6} borderColor="danger200" marginBottom={4}>
      <Typography tag="h2" variant="delta" textColor="danger700" style={{ display: 'block', marginBottom: '0.5rem' }}>
        {t('erase.zone', 'Danger zone')}
      </Typography>
      <Typography tag="p" variant="pi" textColor="danger700" style={{ marginBottom: '1rem' }}>
        {t('erase.explain', 'Erasing removes the submission in every language, its contact and its history. It cannot be undone.')}
      </Typography>
      <Button variant="danger" startIcon={<Trash />} disabled={busy} onClick={onErase}>
        {t('erase.button', 'Erase for good')}
      </Button>
    </Box>
  );
};
