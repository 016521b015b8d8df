import * as React from 'react';
import { isFetchError, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useNavigate } from 'react-router-dom';
import { useT } from '../../../utils/useT';
import { useStatusLabel } from '../StatusBadge';
import { statusOf, type ReviewAction, type Submission } from '../types';
import { useReviewDialog } from './useReviewDialog';
import { useMailLabel } from './History';

/**
 * One submission of the review queue and what a reviewer does to it, through the plugin's admin API:
 * - loads `GET /solidarity/submissions/:documentId` (`notFound` on 404, a notification otherwise);
 * - `act(action, note?)`: `POST …/:documentId/actions` with the status the page shows as
 *   `expectedStatus`; on 409 (someone else acted first) shows the server's message and reloads, on
 *   400 shows it under the note;
 * - `erase()`: `DELETE …/:documentId`, then back to the list;
 * - `submitNote(action)`: `act` with the trimmed note, or asks for one when it is empty;
 * - `promoter(body)`: `POST …/:documentId/promoters` (confirm or merge a new promoting organisation);
 * - `reload()`: loads the submission again (after a completion link was sent or revoked);
 * - `mailConfigured`: false when the server has no mail transport (the page warns; mails are only recorded).
 * - `fichePrivate`: the fiche fields the public never sees (the network's choice and the contact), marked private on the page.
 * Every outcome is told in a notification. `dialog` is the open dialog and its note (useReviewDialog).
 */
export const useSubmission = (documentId: string) => {
  const { t } = useT();
  const statusLabel = useStatusLabel();
  const mailLabel = useMailLabel();
  const navigate = useNavigate();
  const { get, post, del } = useFetchClient();
  const { toggleNotification } = useNotification();
  const dialog = useReviewDialog();
  const { note, setDialog, setNoteError, closeDialog } = dialog;

  const [submission, setSubmission] = React.useState<Submission | null>(null);
  const [loading, setLoading] = React.useState(true);
  const [notFound, setNotFound] = React.useState(false);
  const [busy, setBusy] = React.useState(false);
  const [mailConfigured, setMailConfigured] = React.useState(true);
  const [fichePrivate, setFichePrivate] = React.useState<string[]>(['budgetDetails', 'contact']);

  const path = `/solidarity/submissions/${encodeURIComponent(documentId)}`;

  const load = React.useCallback(async () => {
    setLoading(true);
    try {
      const { data } = await get<{ data: Submission; meta?: { mail?: { configured?: boolean }; fiche?: { private?: string[] } } }>(path);
      setSubmission(data.data);
      setMailConfigured(data.meta?.mail?.configured !== false);
      if (Array.isArray(data.meta?.fiche?.private)) setFichePrivate(data.meta.fiche.private);
      setNotFound(false);
    } catch (error) {
      if (isFetchError(error) && error.status === 404) setNotFound(true);
      else toggleNotification({ type: 'danger', message: (error as Error).message });
    } finally {
      setLoading(false);
    }
  }, [path, get, toggleNotification]);

  React.useEffect(() => {
    void load();
  }, [load]);

  const status = submission ? statusOf(submission) : null;

  const act = async (action: ReviewAction, withNote?: string) => {
    if (!submission || !status) return;
    setBusy(true);
    try {
      const { data } = await post<{ data: Submission; meta?: { event?: { mail?: string } } }>(`${path}/actions`, {
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
      const mail = data.meta?.event?.mail;
      // the mail's fate, never assumed: a request for information that did not leave says so
      if (mail && mail !== 'sent') {
        toggleNotification({ type: 'warning', message: t('mail.notSentNotice', 'Mail to the contact: {status}.', { status: mailLabel(mail) }), timeout: 10_000 });
      }
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
      await del(path);
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

  const promoter = async (body: { action: 'confirm' | 'merge'; organisation: string; into?: string }) => {
    setBusy(true);
    try {
      const { data } = await post<{ data: Submission }>(`${path}/promoters`, body);
      setSubmission(data.data);
      toggleNotification({ type: 'success', message: body.action === 'confirm' ? t('promoter.confirmed', 'The organisation is confirmed and public.') : t('promoter.merged', 'The organisation was merged.') });
    } catch (error) {
      toggleNotification({ type: 'danger', message: (error as Error).message });
    } finally {
      setBusy(false);
    }
  };

  return { submission, status, loading, notFound, busy, dialog, act, erase, submitNote, promoter, mailConfigured, fichePrivate, reload: load };
};
