import * as React from 'react';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { absoluteTime, relativeTime } from '../../../utils/dates';
import { useT } from '../../../utils/useT';
import { useMailLabel } from './History';
import { Section } from './Section';
import type { CompletionLinkState } from '../../../../../../cms/shared/completion';

export type { CompletionLinkState };

interface Answer {
  data: CompletionLinkState | null;
  meta?: { url?: string; event?: { mail?: string } };
}

/**
 * "Completion by the contact": the submission's latest private link (`GET …/completion-link`), and the
 * buttons to send it, send a new one (the old one stops working) or revoke it. After a send, the link
 * itself is shown once, for an editor to pass it on when the mail did not leave. `onChange` reloads the
 * submission (its history records each step).
 */
export const CompletionLink = ({ documentId, busy, onChange }: { documentId: string; busy: boolean; onChange: () => void }) => {
  const { t, locale } = useT();
  const mailLabel = useMailLabel();
  const { get, post, del } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [link, setLink] = React.useState<CompletionLinkState | null>(null);
  const [url, setUrl] = React.useState<string | null>(null);
  const [working, setWorking] = React.useState(false);
  const path = `/solidarity/submissions/${encodeURIComponent(documentId)}/completion-link`;

  const load = React.useCallback(async () => {
    try {
      const { data } = await get<Answer>(path);
      setLink(data.data);
    } catch (error) {
      toggleNotification({ type: 'danger', message: (error as Error).message });
    }
  }, [get, path, toggleNotification]);

  React.useEffect(() => {
    void load();
  }, [load]);

  const run = async (what: 'send' | 'revoke') => {
    setWorking(true);
    try {
      const { data } = what === 'send' ? await post<Answer>(path, {}) : await del<Answer>(path);
      setLink(data.data);
      if (what === 'send') {
        setUrl(data.meta?.url ?? null);
        const mail = data.meta?.event?.mail;
        toggleNotification({
          type: mail && mail !== 'sent' ? 'warning' : 'success',
          message: mail && mail !== 'sent' ? t('mail.notSentNotice', 'Mail to the contact: {status}.', { status: mailLabel(mail) }) : t('completion.sent', 'The link was sent to the contact.'),
        });
      } else {
        setUrl(null);
        toggleNotification({ type: 'success', message: t('completion.revoked', 'The link was revoked: it no longer opens the form.') });
      }
      onChange();
    } catch (error) {
      toggleNotification({ type: 'danger', message: (error as Error).message });
    } finally {
      setWorking(false);
    }
  };

  const stateLabel: Record<CompletionLinkState['state'], string> = {
    active: t('completion.state.active', 'waiting for the contact'),
    expired: t('completion.state.expired', 'expired'),
    revoked: t('completion.state.revoked', 'revoked'),
    completed: t('completion.state.completed', 'completed by the contact'),
  };
  const open = link?.state === 'active';

  return (
    <Section title={t('completion.title', 'Completion by the contact')}>
      <Typography tag="p" variant="pi" textColor="neutral600" style={{ marginBottom: '0.75rem' }}>
        {t('completion.explain', 'Send the contact a private link to a form where they complete the fiche in their language, without an account. What they save goes to the draft, and each change is recorded in the history.')}
      </Typography>
      <Box data-testid="solidarity-completion-state" marginBottom={3}>
        {link ? (
          <>
            <Typography tag="p" variant="omega" fontWeight="bold" data-state={link.state}>
              {t('completion.stateLabel', 'Link: {status}', { status: stateLabel[link.state] })}
            </Typography>
            {link.sentTo ? <Typography tag="p" variant="pi">{t('completion.sentTo', 'Sent to {who}', { who: link.sentTo })}</Typography> : null}
            {open ? <Typography tag="p" variant="pi">{t('completion.expires', 'Valid until {absolute}', { absolute: absoluteTime(link.expiresAt, locale) })}</Typography> : null}
            {link.lastSavedAt ? (
              <Typography tag="p" variant="pi">
                {t('completion.lastSaved', 'Last saved by the contact {relative} ({absolute})', { relative: relativeTime(link.lastSavedAt, locale), absolute: absoluteTime(link.lastSavedAt, locale) })}
              </Typography>
            ) : null}
            {link.completedAt ? (
              <Typography tag="p" variant="pi">
                {t('completion.completedAt', 'Sent back {relative} ({absolute})', { relative: relativeTime(link.completedAt, locale), absolute: absoluteTime(link.completedAt, locale) })}
              </Typography>
            ) : null}
          </>
        ) : (
          <Typography tag="p" variant="pi" textColor="neutral600">
            {t('completion.none', 'No link sent yet.')}
          </Typography>
        )}
      </Box>
      {url ? (
        <Box background="neutral100" padding={3} hasRadius marginBottom={3}>
          <Typography tag="p" variant="pi" style={{ wordBreak: 'break-all' }} data-testid="solidarity-completion-url">
            {t('completion.url', 'The link (shown once; pass it on yourself if the mail did not leave): {url}', { url })}
          </Typography>
        </Box>
      ) : null}
      <Flex gap={2} wrap="wrap">
        <Button variant="secondary" disabled={busy || working} onClick={() => void run('send')}>
          {link ? t('completion.resend', 'Send a new link') : t('completion.send', 'Send the link')}
        </Button>
        {open ? (
          <Button variant="danger-light" disabled={busy || working} onClick={() => void run('revoke')}>
            {t('completion.revoke', 'Revoke the link')}
          </Button>
        ) : null}
      </Flex>
    </Section>
  );
};
