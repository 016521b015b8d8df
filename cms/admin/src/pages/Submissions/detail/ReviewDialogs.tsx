import * as React from 'react';
import { Button, Dialog, Field, Modal, Textarea, Typography } from '@strapi/design-system';
import { WarningCircle } from '@strapi/icons';
import { useT } from '../../../utils/useT';
import type { ReviewDialogState } from './useReviewDialog';

/** Props of ReviewDialogs: the dialog state and what its buttons do (useSubmission). */
export interface ReviewDialogsProps {
  state: ReviewDialogState;
  busy: boolean;
  /** the submission's title, named in the erase confirmation */
  title: string;
  submitNote: (action: 'request-info' | 'reject') => void;
  approve: () => void;
  erase: () => void;
}

/** Request information / Reject: a note is required (sent to the contact, or kept as the reason). */
const NoteModal = ({ state, busy, submitNote }: Pick<ReviewDialogsProps, 'state' | 'busy' | 'submitNote'>) => {
  const { t } = useT();
  const { dialog, note, setNote, noteError, setNoteError, closeDialog } = state;
  return (
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
  );
};

/** A confirmation: a warning icon of `tone`, a text, Cancel and the confirming button (also the assessment page's). */
export const Confirm = ({ open, onClose, header, text, tone, confirm, busy, onConfirm }: {
  open: boolean;
  onClose: () => void;
  header: string;
  text: string;
  tone: 'warning600' | 'danger600';
  confirm: { label: string; variant: 'success' | 'danger' };
  busy: boolean;
  onConfirm: () => void;
}) => {
  const { t } = useT();
  return (
    <Dialog.Root open={open} onOpenChange={(isOpen) => !isOpen && onClose()}>
      <Dialog.Content>
        <Dialog.Header>{header}</Dialog.Header>
        <Dialog.Body icon={<WarningCircle fill={tone} />}>
          <Typography textAlign="center">{text}</Typography>
        </Dialog.Body>
        <Dialog.Footer>
          <Dialog.Cancel>
            <Button fullWidth variant="tertiary">
              {t('cancel', 'Cancel')}
            </Button>
          </Dialog.Cancel>
          <Button fullWidth variant={confirm.variant} loading={busy} onClick={onConfirm}>
            {confirm.label}
          </Button>
        </Dialog.Footer>
      </Dialog.Content>
    </Dialog.Root>
  );
};

/** The detail page's dialogs: the note for request-information / reject, and the approve and erase confirmations. */
export const ReviewDialogs = ({ state, busy, title, submitNote, approve, erase }: ReviewDialogsProps) => {
  const { t } = useT();
  return (
    <>
      <NoteModal state={state} busy={busy} submitNote={submitNote} />
      {/* Approve: confirm (publishes). */}
      <Confirm
        open={state.dialog === 'approve'}
        onClose={state.closeDialog}
        header={t('approve.title', 'Approve and publish?')}
        text={t('approve.explain', 'The practice will be published in every language it has, and shown on partner sites.')}
        tone="warning600"
        confirm={{ label: t('approve.confirm', 'Approve and publish'), variant: 'success' }}
        busy={busy}
        onConfirm={approve}
      />
      {/* Erase: confirm. */}
      <Confirm
        open={state.dialog === 'erase'}
        onClose={state.closeDialog}
        header={t('erase.title', 'Erase for good?')}
        text={t('erase.confirmText', '"{title}" will be erased in every language, with its contact and history. This cannot be undone.', { title })}
        tone="danger600"
        confirm={{ label: t('erase.button', 'Erase for good'), variant: 'danger' }}
        busy={busy}
        onConfirm={erase}
      />
    </>
  );
};
