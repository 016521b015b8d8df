import * as React from 'react';
import { Box, Button, Field, Flex, SingleSelect, SingleSelectOption, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { isFetchError, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useT } from '../../utils/useT';
import { Confirm } from '../Submissions/detail/ReviewDialogs';
import { NO_ORGANISATION, organisationOfChoice } from './status';
import type { CallAssessment, Commission } from './types';

interface Props {
  view: CallAssessment;
  /** reloads the call's assessment (the commission and the phase show there too) */
  reload: () => Promise<void>;
}

/** The server's message for a failed request (Strapi's error format), else the fetch error's. */
const messageOf = (error: unknown): string => {
  if (isFetchError(error)) {
    const body = error.response?.data as { error?: { message?: string } } | undefined;
    return body?.error?.message ?? error.message;
  }
  return (error as Error).message;
};

/**
 * The call's commission, for admins with the decide permission: its members with their
 * organisation (for conflicts of interest) and how many submissions each has scored; adding a
 * member (an admin user, and the organisation they belong to, if any) and removing one, each
 * through `PUT /solidarity/assessment/calls/:callId/commission` with the whole new list; and, while
 * the call is open, opening its assessment (`PUT …/phase`), which mails the commission.
 */
export const CommissionPanel = ({ view, reload }: Props) => {
  const { t } = useT();
  const { get, put } = useFetchClient();
  const { toggleNotification } = useNotification();
  const base = `/solidarity/assessment/calls/${encodeURIComponent(view.call.documentId)}`;
  const [commission, setCommission] = React.useState<Commission | null>(null);
  const [userId, setUserId] = React.useState<string>('');
  const [organisation, setOrganisation] = React.useState<string>(NO_ORGANISATION);
  const [confirmOpen, setConfirmOpen] = React.useState(false);
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);

  const load = React.useCallback(async () => {
    try {
      const { data } = await get<{ data: Commission }>(`${base}/commission`);
      setCommission(data.data);
    } catch (e) {
      setError(messageOf(e));
    }
  }, [base, get]);

  React.useEffect(() => {
    void load();
  }, [load]);

  const run = async (request: () => Promise<unknown>, done: string): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await request();
      toggleNotification({ type: 'success', message: done });
      await Promise.all([load(), reload()]);
      return true;
    } catch (e) {
      const message = messageOf(e);
      setError(message);
      toggleNotification({ type: 'danger', message });
      return false;
    } finally {
      setBusy(false);
    }
  };

  if (!commission) return error ? <Typography textColor="danger600">{error}</Typography> : null;

  const current = commission.members.flatMap((m) => (m.userId === null ? [] : [{ userId: m.userId, organisation: m.organisation?.documentId ?? null }]));
  const save = (members: { userId: number; organisation: string | null }[], done: string) =>
    run(() => put(`${base}/commission`, { members }), done);
  const candidates = commission.admins.filter((a) => !current.some((m) => m.userId === a.id));

  return (
    <Box background="neutral0" padding={4} hasRadius shadow="tableShadow" data-testid="commission">
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Flex justifyContent="space-between" wrap="wrap" gap={2}>
          <Typography variant="delta" tag="h2">
            {t('commission.title', 'Commission')}
          </Typography>
          {view.call.phase === 'open' ? (
            <Button
              variant="secondary"
              loading={busy}
              disabled={commission.members.length === 0}
              onClick={() => setConfirmOpen(true)}
            >
              {t('commission.open', 'Open the assessment')}
            </Button>
          ) : null}
        </Flex>
        {/* Opening the assessment closes the call and mails the commission: confirm first, as Approve does. */}
        <Confirm
          open={confirmOpen && view.call.phase === 'open'}
          onClose={() => setConfirmOpen(false)}
          header={t('commission.openConfirmTitle', 'Open the assessment?')}
          text={t('commission.openConfirmText', 'The call stops taking submissions, in every language, and each of the {count, plural, one {# member} other {# members}} of the commission gets a mail with a link to this page.', {
            count: commission.members.length,
          })}
          tone="warning600"
          confirm={{ label: t('commission.openConfirm', 'Open the assessment and mail the commission'), variant: 'success' }}
          busy={busy}
          onConfirm={() =>
            void run(() => put(`${base}/phase`, { phase: 'assessment' }), t('commission.opened', 'The assessment is open: the commission is told by mail.')).then(() => setConfirmOpen(false))
          }
        />
        {view.call.phase === 'open' ? (
          <Typography variant="pi" textColor="neutral600">
            {t('commission.openHint', 'Opening the assessment closes the call to new submissions and mails each member a link to this page.')}
          </Typography>
        ) : null}

        {commission.members.length ? (
          <Table colCount={4} rowCount={commission.members.length + 1}>
            <Thead>
              <Tr>
                <Th>
                  <Typography variant="sigma">{t('commission.member', 'Member')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('commission.organisation', 'Organisation')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('commission.scored', 'Scored')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('commission.actions', 'Actions')}</Typography>
                </Th>
              </Tr>
            </Thead>
            <Tbody>
              {commission.members.map((m) => (
                <Tr key={m.userId ?? m.name}>
                  <Td>
                    <Typography>{m.name}</Typography>
                  </Td>
                  <Td>
                    <Typography>{m.organisation?.name ?? '–'}</Typography>
                  </Td>
                  <Td>
                    <Typography>{t('commission.scoredOf', '{count} of {total}', { count: m.scored, total: commission.submissions })}</Typography>
                  </Td>
                  <Td>
                    <Button
                      variant="danger-light"
                      size="S"
                      loading={busy}
                      onClick={() =>
                        void save(
                          current.filter((c) => c.userId !== m.userId),
                          t('commission.removed', '{name} left the commission.', { name: m.name })
                        )
                      }
                    >
                      {t('commission.remove', 'Remove {name}', { name: m.name })}
                    </Button>
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        ) : (
          <Typography textColor="neutral600">{t('commission.empty', 'Nobody is on this call’s commission yet.')}</Typography>
        )}

        <form
          onSubmit={(e) => {
            e.preventDefault();
            const id = Number(userId);
            if (!id) return;
            const name = commission.admins.find((a) => a.id === id)?.name ?? String(id);
            void save([...current, { userId: id, organisation: organisationOfChoice(organisation) }], t('commission.added', '{name} joined the commission.', { name })).then((ok) => {
              if (!ok) return;
              setUserId('');
              setOrganisation(NO_ORGANISATION);
            });
          }}
        >
          <Flex gap={3} alignItems="flex-end" wrap="wrap">
            <Box minWidth="240px">
              <Field.Root name="commission-user" id="solidarity-commission-user" required>
                <Field.Label>{t('commission.user', 'Admin user')}</Field.Label>
                <SingleSelect value={userId} onChange={(v: string | number) => setUserId(String(v))} placeholder={t('commission.pickUser', 'Choose an admin user')}>
                  {candidates.map((a) => (
                    <SingleSelectOption key={a.id} value={String(a.id)}>
                      {a.email ? `${a.name} (${a.email})` : a.name}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
              </Field.Root>
            </Box>
            <Box minWidth="240px">
              <Field.Root name="commission-organisation" id="solidarity-commission-organisation" hint={t('commission.organisationHint', 'For conflicts of interest: they cannot assess what it promotes.')}>
                <Field.Label>{t('commission.organisation', 'Organisation')}</Field.Label>
                <SingleSelect value={organisation} onChange={(v: string | number) => setOrganisation(String(v))}>
                  <SingleSelectOption value={NO_ORGANISATION}>{t('commission.noOrganisation', 'None')}</SingleSelectOption>
                  {commission.organisations.map((o) => (
                    <SingleSelectOption key={o.documentId} value={o.documentId}>
                      {o.name}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
                <Field.Hint />
              </Field.Root>
            </Box>
            <Button type="submit" loading={busy} disabled={!userId}>
              {t('commission.add', 'Add to the commission')}
            </Button>
          </Flex>
        </form>
        {error ? <Typography textColor="danger600">{error}</Typography> : null}
      </Flex>
    </Box>
  );
};
