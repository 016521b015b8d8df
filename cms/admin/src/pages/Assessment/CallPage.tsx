import * as React from 'react';
import { Badge, Box, Flex, Link as DSLink, Loader, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { ArrowLeft } from '@strapi/icons';
import { Layouts, Page } from '@strapi/strapi/admin';
import { Link, useParams } from 'react-router-dom';
import { absoluteTime } from '../../utils/dates';
import { useT } from '../../utils/useT';
import { useAssessmentLabels } from './labels';
import { CommissionPanel } from './CommissionPanel';
import { SubmissionPanel } from './SubmissionPanel';
import { useCallAssessment } from './useCallAssessment';
import { yourAssessment } from './status';

const figure = (n: number | null | undefined) => (n === null || n === undefined ? '–' : String(Math.round(n * 100) / 100));

/**
 * A call's assessment (plugins/solidarity/assessment/:callId): the call's phase, scale and weighted
 * criteria; the commission (with the decide permission: its members, adding and removing them,
 * opening the assessment); its submissions (ranked by weighted score with the spread between assessors for those
 * who may read scores); for the chosen one, the scoring form and the decision control.
 */
export const CallPage = () => {
  const { callId = '' } = useParams();
  const { t, locale } = useT();
  const labels = useAssessmentLabels();
  const assessment = useCallAssessment(callId);
  const { view, notFound } = assessment;
  const [chosen, setChosen] = React.useState<string | null>(null);
  const back = (
    <DSLink tag={Link} to=".." startIcon={<ArrowLeft />}>
      {t('assessment.back', 'Calls')}
    </DSLink>
  );

  if (notFound) {
    return (
      <Page.Main>
        <Layouts.Header title={t('assessment.notFound', 'Call not found')} navigationAction={back} />
      </Page.Main>
    );
  }
  if (!view) {
    return (
      <Page.Main>
        <Flex justifyContent="center" padding={8}>
          <Loader>{t('loading', 'Loading…')}</Loader>
        </Flex>
      </Page.Main>
    );
  }
  const { call, me, submissions } = view;
  const ranked = me.can.readScores;
  const selected = submissions.find((s) => s.documentId === chosen) ?? null;

  return (
    <Page.Main>
      <Page.Title>{call.title}</Page.Title>
      <Layouts.Header
        title={call.title}
        navigationAction={back}
        subtitle={
          <Flex gap={3} alignItems="center" wrap="wrap" tag="span">
            <Badge>{labels.phase(call.phase)}</Badge>
            <Typography variant="pi" textColor="neutral600">
              {t('assessment.meta', 'Deadline {deadline} · scale {min} to {max} per criterion', {
                deadline: absoluteTime(call.closesAt, locale),
                min: call.scale.min,
                max: call.scale.max,
              })}
            </Typography>
          </Flex>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Box background="neutral0" padding={4} hasRadius shadow="tableShadow">
            <Typography variant="delta" tag="h2">
              {t('assessment.criteria', 'Criteria')}
            </Typography>
            <Box tag="ol" paddingTop={2}>
              {call.criteria.map((c) => (
                <li key={c.index}>
                  <Typography>
                    {t('assessment.criterion', '{label} (weight {weight})', { label: c.label, weight: c.weight })}
                  </Typography>
                </li>
              ))}
            </Box>
            <Typography variant="pi" textColor="neutral600">
              {me.member
                ? t('assessment.member', 'You are on this call’s commission.')
                : t('assessment.notMember', 'You are not on this call’s commission: you cannot score its submissions.')}{' '}
              {t('assessment.commission', 'Commission: {names}', { names: view.commission.map((m) => m.name).join(', ') || '–' })}
            </Typography>
          </Box>

          {me.can.decide ? <CommissionPanel view={view} reload={assessment.reload} /> : null}

          <Table colCount={ranked ? 7 : 4} rowCount={submissions.length + 1}>
            <Thead>
              <Tr>
                {ranked ? (
                  <Th>
                    <Typography variant="sigma">{t('assessment.rank', 'Rank')}</Typography>
                  </Th>
                ) : null}
                <Th>
                  <Typography variant="sigma">{t('assessment.submission', 'Submission')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('assessment.promoters', 'Promoters')}</Typography>
                </Th>
                {ranked ? (
                  <>
                    <Th>
                      <Typography variant="sigma">{t('assessment.mean', 'Weighted score')}</Typography>
                    </Th>
                    <Th>
                      <Typography variant="sigma">{t('assessment.spread', 'Spread')}</Typography>
                    </Th>
                  </>
                ) : null}
                <Th>
                  <Typography variant="sigma">{t('assessment.yours', 'Your assessment')}</Typography>
                </Th>
                {me.can.decide || me.can.readScores ? (
                  <Th>
                    <Typography variant="sigma">{t('assessment.decision', 'Decision')}</Typography>
                  </Th>
                ) : null}
              </Tr>
            </Thead>
            <Tbody>
              {submissions.map((s, i) => (
                <Tr key={s.documentId} onClick={() => setChosen(s.documentId)} style={{ cursor: 'pointer' }} aria-selected={s.documentId === chosen}>
                  {ranked ? (
                    <Td>
                      <Typography>{s.ranking?.mean === null ? '–' : String(i + 1)}</Typography>
                    </Td>
                  ) : null}
                  <Td>
                    <Typography fontWeight={s.documentId === chosen ? 'bold' : undefined}>{s.title}</Typography>
                  </Td>
                  <Td>
                    <Typography>{s.promoters.map((p) => p.name).join(', ')}</Typography>
                  </Td>
                  {ranked ? (
                    <>
                      <Td>
                        <Typography>
                          {t('assessment.meanOf', '{mean} / {max} ({count, plural, one {# assessor} other {# assessors}})', {
                            mean: figure(s.ranking?.mean),
                            max: figure(s.ranking?.maxTotal),
                            count: s.ranking?.assessors ?? 0,
                          })}
                        </Typography>
                      </Td>
                      <Td>
                        <Typography>{figure(s.ranking?.spread)}</Typography>
                      </Td>
                    </>
                  ) : null}
                  <Td>
                    <Typography>
                      {
                        {
                          'not-member': t('assessment.notOnCommission', 'Not on the commission'),
                          conflict: t('assessment.conflict', 'Conflict of interest'),
                          scored: t('assessment.done', 'Scored'),
                          todo: t('assessment.todo', 'To score'),
                        }[yourAssessment(me, s)]
                      }
                    </Typography>
                  </Td>
                  {me.can.decide || me.can.readScores ? (
                    <Td>
                      <Typography>{s.decision ? labels.decision(s.decision.decision) : '–'}</Typography>
                    </Td>
                  ) : null}
                </Tr>
              ))}
            </Tbody>
          </Table>
          {submissions.length === 0 ? <Typography>{t('assessment.none', 'No submission to this call yet.')}</Typography> : null}
          {selected ? <SubmissionPanel key={selected.documentId} view={view} submission={selected} assessment={assessment} /> : null}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};
