import * as React from 'react';

/** The dialog open on the detail page: the two asking for a note, the approve and erase confirmations, or none. */
export type ReviewDialog = 'request-info' | 'approve' | 'reject' | 'erase' | null;

/** What useReviewDialog gives. */
export interface ReviewDialogState {
  dialog: ReviewDialog;
  setDialog: (dialog: ReviewDialog) => void;
  /** the note typed in the request-information / reject dialog */
  note: string;
  setNote: (note: string) => void;
  /** why the note was refused (empty, or the server's 400 message); null when none */
  noteError: string | null;
  setNoteError: (error: string | null) => void;
  /** closes the dialog and forgets the note and its error */
  closeDialog: () => void;
}

/** Which review dialog is open, and the note being written in it. */
export const useReviewDialog = (): ReviewDialogState => {
  const [dialog, setDialog] = React.useState<ReviewDialog>(null);
  const [note, setNote] = React.useState('');
  const [noteError, setNoteError] = React.useState<string | null>(null);
  const closeDialog = () => {
    setDialog(null);
    setNote('');
    setNoteError(null);
  };
  return { dialog, setDialog, note, setNote, noteError, setNoteError, closeDialog };
};
