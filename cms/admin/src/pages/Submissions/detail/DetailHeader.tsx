import { Button, Flex, Link as DSLink, LinkButton, Typography } from '@strapi/design-system';
import { ArrowLeft, Check, Cross, ExternalLink, Play, Question } from '@strapi/icons';
import { Layouts, Page } from '@strapi/strapi/admin';
import { Link } from 'react-router-dom';
import { absoluteTime, relativeTime } from '../../../utils/dates';
import { useT } from '../../../utils/useT';
import { StatusBadge } from '../StatusBadge';
import { ACTION_FROM, contentManagerPath, type ReviewAction, type Status, type Submission } from '../types';
import type { ReviewDialog } from './useReviewDialog';

/** "Back to the submissions": the link to the list, one level up. */
export const BackLink = () => {
  const { t } = useT();
  return (
    <DSLink tag={Link} to=".." relative="path" startIcon={<ArrowLeft />}>
      {t('detail.back', 'Back to the submissions')}
    </DSLink>
  );
};

/** Props of DetailHeader. */
export interface DetailHeaderProps {
  submission: Submission;
  status: Status | null;
  /** the route's documentId (the tab title when the submission has no title) */
  documentId: string;
  busy: boolean;
  /** runs an action that needs no confirmation (start review) */
  onAct: (action: ReviewAction) => void;
  /** opens the dialog of an action that asks for a note or a confirmation */
  onOpen: (dialog: ReviewDialog) => void;
}

/**
 * The top of a submission's page: its title, status badge, language and submission date, the link
 * back and to the Content Manager, and the review actions its status allows (ACTION_FROM).
 */
export const DetailHeader = ({ submission, status, documentId, busy, onAct, onOpen }: DetailHeaderProps) => {
  const { t, locale } = useT();
  const can = (action: ReviewAction) => Boolean(status && ACTION_FROM[action].includes(status));
  return (
    <>
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
        navigationAction={<BackLink />}
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
              <Button variant="secondary" startIcon={<Play />} loading={busy} onClick={() => onAct('start-review')}>
                {t('action.start-review', 'Start review')}
              </Button>
            )}
            {can('request-info') && (
              <Button variant="tertiary" startIcon={<Question />} disabled={busy} onClick={() => onOpen('request-info')}>
                {t('action.request-info', 'Request information')}
              </Button>
            )}
            {can('approve') && (
              <Button variant="success" startIcon={<Check />} disabled={busy} onClick={() => onOpen('approve')}>
                {t('action.approve', 'Approve')}
              </Button>
            )}
            {can('reject') && (
              <Button variant="danger-light" startIcon={<Cross />} disabled={busy} onClick={() => onOpen('reject')}>
                {t('action.reject', 'Reject')}
              </Button>
            )}
          </Flex>
        }
      />
    </>
  );
};

/** The page shown when the submission does not exist (any more). */
export const NotFound = () => {
  const { t } = useT();
  return (
    <Page.Main>
      <Layouts.Header title={t('detail.notFound', 'Submission not found')} navigationAction={<BackLink />} />
      <Layouts.Content>
        <Typography>{t('detail.notFoundText', 'It may have been erased.')}</Typography>
      </Layouts.Content>
    </Page.Main>
  );
};
