import { Box, Grid, Typography } from '@strapi/design-system';
import { Layouts, Page, useRBAC } from '@strapi/strapi/admin';
import { useParams } from 'react-router-dom';
import { PERMISSIONS } from '../../pluginId';
import { useT } from '../../utils/useT';
import { DangerZone } from './detail/DangerZone';
import { DetailHeader, NotFound } from './detail/DetailHeader';
import { CompletionLink } from './detail/CompletionLink';
import { ContactSection, Fiche, ReviewNotes, SystematisationFiche } from './detail/Fiche';
import { History } from './detail/History';
import { ReviewDialogs } from './detail/ReviewDialogs';
import { Section } from './detail/Section';
import { useSubmission } from './detail/useSubmission';
import { VisibleLocales } from './VisibleLocales';

/**
 * One submission (plugins/solidarity/submissions/:documentId): header with status and review
 * actions, the practice on the left, contact, review notes, the contact's completion link, history and (for roles that may) the
 * erase zone on the right, and the dialogs. The parts live in ./detail; loading and acting in
 * useSubmission.
 */
export const DetailPage = () => {
  const { documentId = '' } = useParams<{ documentId: string }>();
  const { t } = useT();
  const { allowedActions } = useRBAC(PERMISSIONS.erase);
  const { submission, status, loading, notFound, busy, dialog, act, erase, submitNote, promoter, mailConfigured, fichePrivate, reload } = useSubmission(documentId);

  if (loading && !submission) return <Page.Loading />;
  if (notFound || !submission) return <NotFound />;

  const events = Array.isArray(submission.events) ? submission.events : [];

  return (
    <Page.Main>
      <DetailHeader submission={submission} status={status} documentId={documentId} busy={busy} onAct={(action) => void act(action)} onOpen={dialog.setDialog} />
      <Layouts.Content>
        <Grid.Root gap={4}>
          <Grid.Item col={8} s={12} direction="column" alignItems="stretch">
            {!mailConfigured ? (
              <Box background="warning100" borderColor="warning200" hasRadius padding={4} marginBottom={4} data-testid="solidarity-mail-not-configured" role="status">
                <Typography textColor="warning700">
                  {t('mail.notConfiguredWarning', 'No mail server is configured: no mail reaches the contact or the editors. “Request information” is only recorded; write to the contact yourself.')}
                </Typography>
              </Box>
            ) : null}
            <Fiche submission={submission} busy={busy} onPromoter={(body) => void promoter(body)} />
            <SystematisationFiche fiche={submission.fiche} privateFields={fichePrivate} />
          </Grid.Item>
          <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
            <ContactSection contact={submission.contact} />
            <ReviewNotes notes={submission.reviewNotes} />
            <CompletionLink documentId={submission.documentId} busy={busy} onChange={() => void reload()} />
            <VisibleLocales documentId={submission.documentId} version={submission} />
            <Section title={t('detail.history', 'History')}>
              <History events={events} />
            </Section>
            {allowedActions.canErase ? <DangerZone busy={busy} onErase={() => dialog.setDialog('erase')} /> : null}
          </Grid.Item>
        </Grid.Root>
      </Layouts.Content>
      <ReviewDialogs
        state={dialog}
        busy={busy}
        title={submission.title}
        submitNote={submitNote}
        approve={() => void act('approve')}
        erase={() => void erase()}
      />
    </Page.Main>
  );
};
