import * as React from 'react';
import { Box, Button, Field, Flex, Link as DSLink, NumberInput, SingleSelect, SingleSelectOption, Textarea, Typography } from '@strapi/design-system';
import { Link } from 'react-router-dom';
import { useT } from '../../utils/useT';
import { useAssessmentLabels } from './labels';
import { DECISIONS, type AssessedSubmission, type CallAssessment, type Decision, type Score } from './types';
import type { useCallAssessment } from './useCallAssessment';
import { ownScoresMode } from './status';

interface Props {
  view: CallAssessment;
  submission: AssessedSubmission;
  assessment: ReturnType<typeof useCallAssessment>;
}

/**
 * One submission of the call: a link to its review page, the scoring form (one score on the
 * call's scale and a comment per criterion; for commission members in the assessment phase,
 * without a conflict of interest), the others' scores once they may be seen, and the decision
 * control (with the decide permission).
 */
export const SubmissionPanel = ({ view, submission, assessment }: Props) => {
  const { t } = useT();
  const labels = useAssessmentLabels();
  const { call, me } = view;
  const initial = (index: number): Score => submission.myScores.find((s) => s.criterion === index) ?? { criterion: index, score: call.scale.min, comment: '' };
  const [scores, setScores] = React.useState<Score[]>(() => call.criteria.map((c) => initial(c.index)));
  const [scoreError, setScoreError] = React.useState<string | null>(null);
  const [decision, setDecision] = React.useState<Decision>(submission.decision?.decision ?? 'selected');
  const [reason, setReason] = React.useState(submission.decision?.reason ?? '');
  const [decisionError, setDecisionError] = React.useState<string | null>(null);
  const mode = ownScoresMode(view, submission);
  const canScore = mode === 'form';
  const criterionLabel = (index: number) => call.criteria.find((c) => c.index === index)?.label ?? String(index);
  /** One assessor's scores, a line per criterion with its comment (one's own, and each other assessor's). */
  const scoreList = (scores: readonly Pick<Score, 'criterion' | 'score' | 'comment'>[], paddingLeft?: number) => (
    <Box tag="ul" paddingLeft={paddingLeft}>
      {scores.map((s) => (
        <li key={s.criterion}>
          <Typography>
            {t('assessment.scoreLine', '{criterion}: {score}', { criterion: criterionLabel(s.criterion), score: s.score })}
            {s.comment ? ` — ${s.comment}` : ''}
          </Typography>
        </li>
      ))}
    </Box>
  );
  const setScore = (index: number, patch: Partial<Score>) => setScores((list) => list.map((s) => (s.criterion === index ? { ...s, ...patch } : s)));

  return (
    <Box background="neutral0" padding={6} hasRadius shadow="tableShadow">
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Flex justifyContent="space-between" wrap="wrap" gap={2}>
          <Typography variant="beta" tag="h2">
            {submission.title}
          </Typography>
          <DSLink tag={Link} to={`../../submissions/${submission.documentId}`}>
            {t('assessment.review', 'Review page and history')}
          </DSLink>
        </Flex>

        {submission.conflict ? (
          <Typography textColor="danger600">
            {t('assessment.conflictText', 'You cannot assess this practice: it is promoted by your organisation, {organisation}. This is recorded in its history.', {
              organisation: submission.conflict.organisation.name,
            })}
          </Typography>
        ) : null}

        {canScore ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void assessment.score(submission.documentId, scores).then(setScoreError);
            }}
          >
            <Flex direction="column" alignItems="stretch" gap={3}>
              <Typography variant="delta" tag="h3">
                {t('assessment.yourScores', 'Your scores ({min} to {max})', { min: call.scale.min, max: call.scale.max })}
              </Typography>
              {scores.map((s) => (
                <Flex key={s.criterion} gap={4} alignItems="flex-start" wrap="wrap">
                  <Box minWidth="160px">
                    <Field.Root name={`score-${s.criterion}`} id={`solidarity-score-${s.criterion}`}>
                      <Field.Label>{criterionLabel(s.criterion)}</Field.Label>
                      <NumberInput value={s.score} onValueChange={(v: number | undefined) => setScore(s.criterion, { score: v ?? call.scale.min })} />
                    </Field.Root>
                  </Box>
                  <Box flex="1" minWidth="240px">
                    <Field.Root name={`comment-${s.criterion}`} id={`solidarity-comment-${s.criterion}`}>
                      <Field.Label>{t('assessment.comment', 'Comment')}</Field.Label>
                      <Textarea value={s.comment ?? ''} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setScore(s.criterion, { comment: e.target.value })} />
                    </Field.Root>
                  </Box>
                </Flex>
              ))}
              {scoreError ? <Typography textColor="danger600">{scoreError}</Typography> : null}
              <Box>
                <Button type="submit" loading={assessment.busy}>
                  {t('assessment.save', 'Save my scores')}
                </Button>
              </Box>
            </Flex>
          </form>
        ) : null}

        {mode === 'read-only' ? (
          <Box data-testid="own-scores">
            <Typography variant="delta" tag="h3">
              {t('assessment.yourScores', 'Your scores ({min} to {max})', { min: call.scale.min, max: call.scale.max })}
            </Typography>
            {scoreList(submission.myScores)}
          </Box>
        ) : null}

        <Box>
          <Typography variant="delta" tag="h3">
            {t('assessment.others', 'Other assessors')}
          </Typography>
          {submission.others === null ? (
            <Typography textColor="neutral600">{t('assessment.hidden', 'Hidden until you have scored this submission.')}</Typography>
          ) : submission.others.length === 0 ? (
            <Typography textColor="neutral600">{t('assessment.noOthers', 'No other assessment yet.')}</Typography>
          ) : (
            <Box tag="ul">
              {submission.others.map((o) => (
                <li key={o.assessor.id}>
                  <Typography fontWeight="bold">
                    {t('assessment.assessorTotal', '{name}: {total}', { name: o.assessor.name, total: o.total === null ? '–' : String(o.total) })}
                  </Typography>
                  {scoreList(o.scores, 4)}
                </li>
              ))}
            </Box>
          )}
        </Box>

        {me.can.decide ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void assessment.decide(submission.documentId, decision, reason).then(setDecisionError);
            }}
          >
            <Flex direction="column" alignItems="stretch" gap={3}>
              <Typography variant="delta" tag="h3">
                {t('assessment.decision', 'Decision')}
              </Typography>
              {submission.decision ? (
                <Typography textColor="neutral600">
                  {t('assessment.decidedBy', 'Recorded: {decision}, by {name}', {
                    decision: labels.decision(submission.decision.decision),
                    name: submission.decision.by?.name ?? '–',
                  })}
                </Typography>
              ) : null}
              <Box maxWidth="320px">
                <Field.Root name="decision" id="solidarity-decision">
                  <Field.Label>{t('assessment.decision', 'Decision')}</Field.Label>
                  <SingleSelect value={decision} onChange={(v: string | number) => setDecision(String(v) as Decision)}>
                    {DECISIONS.map((d) => (
                      <SingleSelectOption key={d} value={d}>
                        {labels.decision(d)}
                      </SingleSelectOption>
                    ))}
                  </SingleSelect>
                </Field.Root>
              </Box>
              <Field.Root name="reason" id="solidarity-decision-reason" error={decisionError ?? undefined} required>
                <Field.Label>{t('assessment.reason', 'Reason')}</Field.Label>
                <Textarea value={reason} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setReason(e.target.value)} />
                <Field.Error />
              </Field.Root>
              <Box>
                <Button type="submit" loading={assessment.busy} disabled={call.phase === 'open'}>
                  {t('assessment.record', 'Record the decision')}
                </Button>
              </Box>
            </Flex>
          </form>
        ) : null}
      </Flex>
    </Box>
  );
};
