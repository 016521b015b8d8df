import * as React from 'react';
import {
  Badge,
  Box,
  Button,
  Dialog,
  Divider,
  Field,
  Flex,
  Grid,
  Link as DSLink,
  LinkButton,
  Modal,
  Textarea,
  Typography,
} from '@strapi/design-system';
import { ArrowLeft, Check, Cross, ExternalLink, Play, Question, Trash, WarningCircle } from '@strapi/icons';
import { Layouts, Page, isFetchError, useFetchClient, useNotification, useRBAC } from '@strapi/strapi/admin';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { PERMISSIONS } from '../../pluginId';
import { absoluteTime, relativeTime } from '../../utils/dates';
import { useT } from '../../utils/useT';
import { Blocks, safeHref } from './Blocks';
import { StatusBadge, useStatusLabel } from './StatusBadge';
import { VisibleLocales } from './VisibleLocales';
import {
  ACTION_FROM,
  contentManagerPath,
  statusOf,
  territoryOf,
  type HistoryEvent,
  type ReviewAction,
  type Status,
  type Submission,
} from './types';

type Dialogs = 'request-info' | 'approve' | 'reject' | 'erase' | null;

const Section = ({ title, children }: { title: string; children: React.ReactNode }) => (
  <Box tag="section" background="neutral0" hasRadius shadow="tableShadow" padding={6} marginBottom={4}>
    <Typography tag="h2" variant="delta" style={{ display: 'block', marginBottom: '1rem' }}>
      {title}
    </Typography>
    {children}
  </Box>
);

const Row = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <Flex direction="column" alignItems="flex-start" gap={1} marginBottom={3}>
    <Typography variant="sigma" textColor="neutral600">
      {label}
    </Typography>
    <Typography variant="omega" textColor="neutral800" tag="div">
      {children}
    </Typography>
  </Flex>
);

export const DetailPage = () => {
  const { documentId = '' } = useParams<{ documentId: string }>();
  const { t, locale } = useT();
  const statusLabel = useStatusLabel();
  const navigate = useNavigate();
  const { get, post, del } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { allowedActions } = useRBAC(PERMISSIONS.erase);

  const [submission, setSubmission] = React.useState<Submission | null>(null);
  const [loading, setLoading] = React.useState(true);
  const [notFound, setNotFound] = React.useState(false);
  const [busy, setBusy] = React.useState(false);
  const [dialog, setDialog] = React.useState<Dialogs>(null);
  const [note, setNote] = React.useState('');
  const [noteError, setNoteError] = React.useState<string | null>(null);

  const load = React.useCallback(async () => {
    setLoading(true);
    try {
      const { data } = await get<{ data: Submission }>(`/solidarity/submissions/${encodeURIComponent(documentId)}`);
      setSubmission(data.data);
      setNotFound(false);
    } catch (error) {
      if (isFetchError(error) && error.status === 404) setNotFound(true);
      else toggleNotification({ type: 'danger', message: (error as Error).message });
    } finally {
      setLoading(false);
    }
  }, [documentId, get, toggleNotification]);

  React.useEffect(() => {
    void load();
  }, [load]);

  const status = submission ? statusOf(submission) : null;

  const closeDialog = () => {
    setDialog(null);
    setNote('');
    setNoteError(null);
  };

  const act = async (action: ReviewAction, withNote?: string) => {
    if (!submission || !status) return;
    setBusy(true);
    try {
      const { data } = await post<{ data: Submission }>(`/solidarity/submissions/${encodeURIComponent(documentId)}/actions`, {
        action,
        expectedStatus: status,
        ...(withNote ? { note: withNote } : {}),
      });
      setSubmission(data.data);
      closeDialog();
      toggleNotification({
        type: 'success',
        message: t('action.done', 'Done: the submission is now “{status}”.', { status: statusLabel(statusOf(data.data)) }),
      });
    } catch (error) {
      if (isFetchError(error) && error.status === 409) {
        // Someone else acted first: say who and when (the server's words), and show what it is now.
        closeDialog();
        toggleNotification({ type: 'warning', message: error.message, timeout: 10_000 });
        await load();
      } else if (isFetchError(error) && error.status === 400) {
        setNoteError(error.message);
        toggleNotification({ type: 'danger', message: error.message });
      } else {
        toggleNotification({ type: 'danger', message: (error as Error).message });
      }
    } finally {
      setBusy(false);
    }
  };

  const erase = async () => {
    setBusy(true);
    try {
      await del(`/solidarity/submissions/${encodeURIComponent(documentId)}`);
      toggleNotification({ type: 'success', message: t('erase.done', 'The submission was erased for good.') });
      navigate('..', { relative: 'path' });
    } catch (error) {
      toggleNotification({ type: 'danger', message: (error as Error).message });
    } finally {
      setBusy(false);
      setDialog(null);
    }
  };

  const submitNote = (action: 'request-info' | 'reject') => {
    const trimmed = note.trim();
    if (!trimmed) {
      setNoteError(
        action === 'reject' ? t('reject.required', 'Give the reason for the rejection.') : t('requestInfo.required', 'Write what the contact should add or change.')
      );
      return;
    }
    void act(action, trimmed);
  };

  if (loading && !submission) return <Page.Loading />;
  if (notFound || !submission) {
    return (
      <Page.Main>
        <Layouts.Header
          title={t('detail.notFound', 'Submission not found')}
          navigationAction={
            <DSLink tag={Link} to=".." relative="path" startIcon={<ArrowLeft />}>
              {t('detail.back', 'Back to the submissions')}
            </DSLink>
          }
        />
        <Layouts.Content>
          <Typography>{t('detail.notFoundText', 'It may have been erased.')}</Typography>
        </Layouts.Content>
      </Page.Main>
    );
  }

  const can = (action: ReviewAction) => Boolean(status && ACTION_FROM[action].includes(status));
  const territory = territoryOf(submission);
  const place = [territory.municipality, territory.region, territory.country].filter(Boolean).join(', ');
  const events = Array.isArray(submission.events) ? submission.events : [];

  return (
    <Page.Main>
      <Page.Title>{submission.title || documentId}</Page.Title>
      <Layouts.Header
        title={submission.title || t('submissions.untitled', '(no title)')}
        subtitle={
          <Flex gap={3} alignItems="center" wrap="wrap" tag="span">
            <StatusBadge status={status} />
            <Typography variant="pi" textColor="neutral600">
              {t('detail.meta', 'Language: {locale} · submitted {relative} ({absolute})', {
                locale: submission.locale,
                relative: relativeTime(submission.submittedAt, locale),
                absolute: absoluteTime(submission.submittedAt, locale),
              })}
            </Typography>
          </Flex>
        }
        navigationAction={
          <DSLink tag={Link} to=".." relative="path" startIcon={<ArrowLeft />}>
            {t('detail.back', 'Back to the submissions')}
          </DSLink>
        }
        secondaryAction={
          <LinkButton
            variant="tertiary"
            tag={Link}
            to={contentManagerPath(submission.documentId, submission.locale)}
            startIcon={<ExternalLink />}
            style={{ whiteSpace: 'nowrap' }}
          >
            {t('detail.openInCM', 'Open in Content Manager')}
          </LinkButton>
        }
      />
      <Layouts.Action
        startActions={
          <Flex gap={2} wrap="wrap">
            {can('start-review') && (
              <Button variant="secondary" startIcon={<Play />} loading={busy} onClick={() => void act('start-review')}>
                {t('action.start-review', 'Start review')}
              </Button>
            )}
            {can('request-info') && (
              <Button variant="tertiary" startIcon={<Question />} disabled={busy} onClick={() => setDialog('request-info')}>
                {t('action.request-info', 'Request information')}
              </Button>
            )}
            {can('approve') && (
              <Button variant="success" startIcon={<Check />} disabled={busy} onClick={() => setDialog('approve')}>
                {t('action.approve', 'Approve')}
              </Button>
            )}
            {can('reject') && (
              <Button variant="danger-light" startIcon={<Cross />} disabled={busy} onClick={() => setDialog('reject')}>
                {t('action.reject', 'Reject')}
              </Button>
            )}
          </Flex>
        }
      />
      <Layouts.Content>
        <Grid.Root gap={4}>
          <Grid.Item col={8} s={12} direction="column" alignItems="stretch">
            <Section title={t('detail.fiche', 'The practice')}>
              {submission.summary ? (
                <Row label={t('field.summary', 'Summary')}>
                  <Typography tag="p" style={{ whiteSpace: 'pre-wrap' }}>
                    {submission.summary}
                  </Typography>
                </Row>
              ) : null}
              <Row label={t('field.body', 'Explanation')}>
                {submission.body && submission.body.length ? <Blocks value={submission.body} /> : '—'}
              </Row>
              <Row label={t('field.topics', 'Topics')}>
                {submission.topics?.length ? (
                  <Flex gap={2} wrap="wrap">
                    {submission.topics.map((topic) => (
                      <Badge key={topic.slug}>{topic.name || topic.slug}</Badge>
                    ))}
                  </Flex>
                ) : (
                  '—'
                )}
              </Row>
              <Row label={t('field.promoters', 'Promoters')}>
                {submission.promoters?.length ? (
                  <Box tag="ul">
                    {submission.promoters.map((p, i) => {
                      const href = safeHref(p.website);
                      return (
                        <li key={p.documentId ?? i}>
                          {p.name}
                          {p.country ? ` (${p.country})` : ''}
                          {href ? (
                            <>
                              {' · '}
                              <a href={href} target="_blank" rel="noopener noreferrer nofollow">
                                {href}
                              </a>
                            </>
                          ) : null}
                        </li>
                      );
                    })}
                  </Box>
                ) : (
                  '—'
                )}
              </Row>
              <Row label={t('field.territory', 'Territory')}>{place || '—'}</Row>
              <Row label={t('field.call', 'Call for practices')}>{submission.call?.title ?? '—'}</Row>
            </Section>
          </Grid.Item>
          <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
            <Section title={t('detail.contact', 'Contact (private)')}>
              {submission.contact ? (
                <>
                  <Row label={t('field.contact.name', 'Name')}>{submission.contact.name}</Row>
                  <Row label={t('field.contact.email', 'Email')}>
                    {/^[^\s@<>"]+@[^\s@<>"]+$/.test(submission.contact.email) ? (
                      <a href={`mailto:${submission.contact.email}`}>{submission.contact.email}</a>
                    ) : (
                      submission.contact.email
                    )}
                  </Row>
                  {submission.contact.phone ? <Row label={t('field.contact.phone', 'Phone')}>{submission.contact.phone}</Row> : null}
                  {submission.contact.role ? <Row label={t('field.contact.role', 'Role')}>{submission.contact.role}</Row> : null}
                </>
              ) : (
                <Typography textColor="neutral600">{t('detail.noContact', 'No contact.')}</Typography>
              )}
            </Section>
            {submission.reviewNotes ? (
              <Section title={t('field.reviewNotes', 'Review notes')}>
                <Typography tag="p" style={{ whiteSpace: 'pre-wrap' }}>
                  {submission.reviewNotes}
                </Typography>
              </Section>
            ) : null}
            <VisibleLocales documentId={submission.documentId} version={submission} />
            <Section title={t('detail.history', 'History')}>
              <History events={events} locale={locale} statusLabel={statusLabel} />
            </Section>
            {allowedActions.canErase ? (
              <Box tag="section" background="danger100" hasRadius padding={6} borderColor="danger200" marginBottom={4}>
                <Typography tag="h2" variant="delta" textColor="danger700" style={{ display: 'block', marginBottom: '0.5rem' }}>
                  {t('erase.zone', 'Danger zone')}
                </Typography>
                <Typography tag="p" variant="pi" textColor="danger700" style={{ marginBottom: '1rem' }}>
                  {t('erase.explain', 'Erasing removes the submission in every language, its contact and its history. It cannot be undone.')}
                </Typography>
                <Button variant="danger" startIcon={<Trash />} disabled={busy} onClick={() => setDialog('erase')}>
                  {t('erase.button', 'Erase for good')}
                </Button>
              </Box>
            ) : null}
          </Grid.Item>
        </Grid.Root>
      </Layouts.Content>

      {/* Request information / Reject: a note is required. */}
      <Modal.Root open={dialog === 'request-info' || dialog === 'reject'} onOpenChange={(open) => !open && closeDialog()}>
        <Modal.Content>
          <Modal.Header>
            <Modal.Title>
              {dialog === 'reject' ? t('reject.title', 'Reject this submission') : t('requestInfo.title', 'Request information')}
            </Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <Field.Root name="note" id="solidarity-review-note" required error={noteError ?? undefined}
              hint={dialog === 'reject' ? t('reject.hint', 'The reason is kept in the history.') : t('requestInfo.hint', 'Sent to the contact by email and kept in the history.')}>
              <Field.Label>{dialog === 'reject' ? t('reject.reason', 'Reason') : t('requestInfo.note', 'Note for the contact')}</Field.Label>
              <Textarea
                value={note}
                onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => {
                  setNote(e.target.value);
                  if (noteError) setNoteError(null);
                }}
              />
              <Field.Hint />
              <Field.Error />
            </Field.Root>
          </Modal.Body>
          <Modal.Footer>
            <Modal.Close>
              <Button variant="tertiary">{t('cancel', 'Cancel')}</Button>
            </Modal.Close>
            <Button
              variant={dialog === 'reject' ? 'danger' : 'default'}
              loading={busy}
              onClick={() => submitNote(dialog === 'reject' ? 'reject' : 'request-info')}
            >
              {dialog === 'reject' ? t('action.reject', 'Reject') : t('requestInfo.send', 'Send the request')}
            </Button>
          </Modal.Footer>
        </Modal.Content>
      </Modal.Root>

      {/* Approve: confirm (publishes). */}
      <Dialog.Root open={dialog === 'approve'} onOpenChange={(open) => !open && closeDialog()}>
        <Dialog.Content>
          <Dialog.Header>{t('approve.title', 'Approve and publish?')}</Dialog.Header>
          <Dialog.Body icon={<WarningCircle fill="warning600" />}>
            <Typography textAlign="center">
              {t('approve.explain', 'The practice will be published in every language it has, and shown on partner sites.')}
            </Typography>
          </Dialog.Body>
          <Dialog.Footer>
            <Dialog.Cancel>
              <Button fullWidth variant="tertiary">
                {t('cancel', 'Cancel')}
              </Button>
            </Dialog.Cancel>
            <Button fullWidth variant="success" loading={busy} onClick={() => void act('approve')}>
              {t('approve.confirm', 'Approve and publish')}
            </Button>
          </Dialog.Footer>
        </Dialog.Content>
      </Dialog.Root>

      {/* Erase: confirm. */}
      <Dialog.Root open={dialog === 'erase'} onOpenChange={(open) => !open && closeDialog()}>
        <Dialog.Content>
          <Dialog.Header>{t('erase.title', 'Erase for good?')}</Dialog.Header>
          <Dialog.Body icon={<WarningCircle fill="danger600" />}>
            <Typography textAlign="center">
              {t('erase.confirmText', '"{title}" will be erased in every language, with its contact and history. This cannot be undone.', {
                title: submission.title,
              })}
            </Typography>
          </Dialog.Body>
          <Dialog.Footer>
            <Dialog.Cancel>
              <Button fullWidth variant="tertiary">
                {t('cancel', 'Cancel')}
              </Button>
            </Dialog.Cancel>
            <Button fullWidth variant="danger" loading={busy} onClick={() => void erase()}>
              {t('erase.button', 'Erase for good')}
            </Button>
          </Dialog.Footer>
        </Dialog.Content>
      </Dialog.Root>
    </Page.Main>
  );
};

const History = ({
  events,
  locale,
  statusLabel,
}: {
  events: HistoryEvent[];
  locale: string;
  statusLabel: (s: Status | null) => string;
}) => {
  const { t } = useT();
  if (!events.length) return <Typography textColor="neutral600">{t('history.empty', 'No event yet.')}</Typography>;
  const actionLabel = (action: string) => {
    switch (action) {
      case 'submit':
        return t('history.submit', 'Submitted through the form');
      case 'start-review':
        return t('action.start-review', 'Start review');
      case 'request-info':
        return t('action.request-info', 'Request information');
      case 'approve':
        return t('action.approve', 'Approve');
      case 'reject':
        return t('action.reject', 'Reject');
      default:
        return action;
    }
  };
  return (
    <Box tag="ol">
      {[...events].reverse().map((e, i) => (
        <Box tag="li" key={`${e.at}-${i}`} paddingBottom={3} marginBottom={3}>
          <Typography variant="omega" fontWeight="bold" tag="div">
            {actionLabel(e.action)}
            {e.to ? ` → ${statusLabel(e.to)}` : ''}
          </Typography>
          <Typography variant="pi" textColor="neutral600" tag="div">
            {t('history.byAt', '{who}, {relative} ({absolute})', {
              who: e.by?.name ?? t('history.form', 'the submission form'),
              relative: relativeTime(e.at, locale),
              absolute: absoluteTime(e.at, locale),
            })}
          </Typography>
          {e.note ? (
            <Typography variant="pi" tag="p" style={{ whiteSpace: 'pre-wrap', marginTop: '0.25rem' }}>
              {e.note}
            </Typography>
          ) : null}
          {i < events.length - 1 ? <Divider marginTop={3} /> : null}
        </Box>
      ))}
    </Box>
  );
};
