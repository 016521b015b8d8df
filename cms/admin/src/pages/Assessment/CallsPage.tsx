import * as React from 'react';
import { Badge, EmptyStateLayout, Flex, Link as DSLink, Loader, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { Link } from 'react-router-dom';
import { absoluteTime } from '../../utils/dates';
import { useT } from '../../utils/useT';
import { useAssessmentLabels } from './labels';
import type { CallSummary } from './types';

/** The calls for practices, each with its phase and deadline, linking to its assessment page. */
export const CallsPage = () => {
  const { t, locale } = useT();
  const labels = useAssessmentLabels();
  const { get } = useFetchClient();
  // the titles in the admin's language, else the call's original one (as the call's page, useCallAssessment)
  const language = locale.split('-')[0];
  const [calls, setCalls] = React.useState<CallSummary[] | null>(null);
  const [failed, setFailed] = React.useState<string | null>(null);

  React.useEffect(() => {
    get<{ data: CallSummary[] }>(`/solidarity/assessment/calls?locale=${encodeURIComponent(language)}`)
      .then(({ data }) => setCalls(data.data))
      .catch((error: Error) => setFailed(error.message));
  }, [get, language]);

  return (
    <Page.Main>
      <Page.Title>{t('assessment.title', 'Assessment')}</Page.Title>
      <Layouts.Header title={t('assessment.title', 'Assessment')} subtitle={t('assessment.subtitle', 'Calls for practices and their commission’s assessment')} />
      <Layouts.Content>
        {failed ? (
          <EmptyStateLayout content={t('assessment.loadError', 'Could not load: {message}', { message: failed })} />
        ) : !calls ? (
          <Flex justifyContent="center" padding={8}>
            <Loader>{t('loading', 'Loading…')}</Loader>
          </Flex>
        ) : calls.length === 0 ? (
          <EmptyStateLayout content={t('assessment.noCalls', 'No call for practices yet.')} />
        ) : (
          <Table colCount={3} rowCount={calls.length + 1}>
            <Thead>
              <Tr>
                <Th>
                  <Typography variant="sigma">{t('assessment.call', 'Call')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('assessment.phase', 'Phase')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('assessment.deadline', 'Deadline')}</Typography>
                </Th>
              </Tr>
            </Thead>
            <Tbody>
              {calls.map((c) => (
                <Tr key={c.documentId}>
                  <Td>
                    <DSLink tag={Link} to={c.documentId}>
                      {c.title}
                    </DSLink>
                  </Td>
                  <Td>
                    <Badge>{labels.phase(c.phase)}</Badge>
                  </Td>
                  <Td>
                    <Typography>{c.closesAt ? absoluteTime(c.closesAt, locale) : ''}</Typography>
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};
