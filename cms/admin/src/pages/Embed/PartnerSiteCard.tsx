import * as React from 'react';
import { Box, Button, Field, Flex, TextInput, Typography } from '@strapi/design-system';
import { isFetchError, useFetchClient, useRBAC } from '@strapi/strapi/admin';
import { PERMISSIONS } from '../../pluginId';
import { useT } from '../../utils/useT';

/** `GET /solidarity/partner-sites/status` (admin API; server: submissions/partner-admin.ts). */
interface PartnerStatus {
  origin: string;
  allowed: boolean;
  byConfig: boolean;
  sites: { documentId: string; name: string; active: boolean }[];
}

/** A name for a new partner site from its origin: the host without `www.`. */
const nameOf = (origin: string): string => {
  try {
    return new URL(origin).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
};

/**
 * The "Partner site" card of the embed builder, shown for the submission form: the form sends
 * practices only from websites the network registered (partner sites, or the server's
 * SUBMISSIONS_ALLOWED_ORIGINS). The editor types the partner's website, sees whether the form will
 * work there, and, with the `plugin::solidarity.partners` permission, registers it at once
 * (`[data-testid="solidarity-partner-site"]`).
 */
export const PartnerSiteCard = () => {
  const { t } = useT();
  const { get, post } = useFetchClient();
  const { allowedActions } = useRBAC(PERMISSIONS.partners);
  const [address, setAddress] = React.useState('');
  const [name, setName] = React.useState('');
  const [status, setStatus] = React.useState<PartnerStatus | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [busy, setBusy] = React.useState(false);
  const [registered, setRegistered] = React.useState<string | null>(null);

  const check = async () => {
    setBusy(true);
    setError(null);
    setRegistered(null);
    // the last answer is for an address as it was: nothing is said until the server answers again
    setStatus(null);
    try {
      const { data } = await get<{ data: PartnerStatus }>(`/solidarity/partner-sites/status?origin=${encodeURIComponent(address.trim())}`);
      setStatus(data.data);
      setName((current) => current || nameOf(data.data.origin));
    } catch (e) {
      setStatus(null);
      setError(isFetchError(e) ? e.message : (e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const register = async () => {
    if (!status) return;
    setBusy(true);
    setError(null);
    try {
      const { data } = await post<{ data: { name: string } }>('/solidarity/partner-sites', { name: name.trim(), origin: status.origin });
      setRegistered(data.data.name);
      setStatus({ ...status, allowed: true });
    } catch (e) {
      setError(isFetchError(e) ? e.message : (e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const inactive = status?.sites.find((s) => !s.active);
  const active = status?.sites.find((s) => s.active);

  return (
    <Box background="neutral0" hasRadius shadow="tableShadow" padding={6} data-testid="solidarity-partner-site">
      <Typography tag="h2" variant="delta" style={{ display: 'block', marginBottom: '1rem' }}>
        {t('embed.partner.title', 'Partner site')}
      </Typography>
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Typography variant="omega" tag="p">
          {t(
            'embed.partner.explain',
            'The form sends practices only from websites the network has registered as partner sites. Enter the address of the website the form will be on to check it.'
          )}
        </Typography>
        <Flex gap={2} alignItems="flex-end">
          <Box style={{ flex: 1 }}>
            <Field.Root name="partnerOrigin" id="solidarity-partner-origin">
              <Field.Label>{t('embed.partner.address', 'Website of the partner')}</Field.Label>
              <TextInput
                placeholder="https://member.example"
                value={address}
                onChange={(e: React.ChangeEvent<HTMLInputElement>) => {
                  setAddress(e.target.value);
                  setStatus(null);
                  setRegistered(null);
                }}
              />
            </Field.Root>
          </Box>
          <Button variant="secondary" onClick={() => void check()} disabled={busy || !address.trim()} data-partner="check">
            {t('embed.partner.check', 'Check')}
          </Button>
        </Flex>
        {error ? (
          <Typography textColor="danger600" tag="p" role="alert">
            {error}
          </Typography>
        ) : null}
        {status && registered ? (
          <Typography textColor="success600" tag="p" role="status" data-partner="registered">
            {t('embed.partner.registered', 'Registered: the form works on {url} now (partner site “{who}”).', { url: status.origin, who: registered })}
          </Typography>
        ) : status?.allowed ? (
          <Typography textColor="success600" tag="p" role="status" data-partner="allowed">
            {active
              ? t('embed.partner.allowedSite', 'The form works on {url}: it is the partner site “{who}”.', { url: status.origin, who: active.name })
              : t('embed.partner.allowedConfig', 'The form works on {url}: the server’s configuration allows it.', { url: status.origin })}
          </Typography>
        ) : status ? (
          <Flex direction="column" alignItems="stretch" gap={3} data-partner="needed">
            <Typography textColor="warning600" tag="p" role="status">
              {inactive
                ? t('embed.partner.inactive', 'The form will not work on {url}: the partner site “{who}” is inactive. Reactivate it in the Content Manager.', {
                    url: status.origin,
                    who: inactive.name,
                  })
                : t('embed.partner.needed', 'The form will not work on {url} until the network registers it as a partner site.', { url: status.origin })}
            </Typography>
            {!inactive && allowedActions.canPartners ? (
              <Flex gap={2} alignItems="flex-end">
                <Box style={{ flex: 1 }}>
                  <Field.Root name="partnerName" id="solidarity-partner-name">
                    <Field.Label>{t('embed.partner.name', 'Name of the partner site')}</Field.Label>
                    <TextInput value={name} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setName(e.target.value)} />
                  </Field.Root>
                </Box>
                <Button onClick={() => void register()} disabled={busy || !name.trim()} data-partner="register">
                  {t('embed.partner.register', 'Register this website')}
                </Button>
              </Flex>
            ) : !inactive ? (
              <Typography variant="pi" textColor="neutral600" tag="p">
                {t('embed.partner.askAdmin', 'Ask an administrator of the network to register it (Content Manager, Partner site).')}
              </Typography>
            ) : null}
          </Flex>
        ) : null}
      </Flex>
    </Box>
  );
};
