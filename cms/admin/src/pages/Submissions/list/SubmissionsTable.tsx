import { Flex, Link as DSLink, Table, Tbody, Td, Th, Thead, Tr, Typography, VisuallyHidden } from '@strapi/design-system';
import { Link } from 'react-router-dom';
import { absoluteTime, relativeTime } from '../../../utils/dates';
import { useT } from '../../../utils/useT';
import { StatusBadge } from '../StatusBadge';
import { statusOf, type SubmissionSummary } from '../types';

/**
 * One page of submissions as a table: title (a link to its detail page), call, when submitted
 * (relative, and absolute in the admin's language), status badge and language. Rows carry
 * `data-document-id`.
 */
export const SubmissionsTable = ({ rows, locale }: { rows: SubmissionSummary[]; locale: string }) => {
  const { t } = useT();
  return (
    <Table colCount={5} rowCount={rows.length + 1}>
      <Thead>
        <Tr>
          <Th>
            <Typography variant="sigma">{t('submissions.col.title', 'Title')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('submissions.col.call', 'Call')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('submissions.col.submittedAt', 'Submitted')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('submissions.col.status', 'Status')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('submissions.col.locale', 'Language')}</Typography>
          </Th>
        </Tr>
      </Thead>
      <Tbody>
        {rows.map((row) => (
          <Tr key={row.documentId} data-document-id={row.documentId}>
            <Td style={{ whiteSpace: 'normal', maxWidth: '28rem' }}>
              <DSLink tag={Link} to={row.documentId}>
                {row.title || t('submissions.untitled', '(no title)')}
              </DSLink>
            </Td>
            <Td style={{ whiteSpace: 'normal', maxWidth: '20rem' }}>
              <Typography textColor="neutral800">{row.call?.title ?? '—'}</Typography>
            </Td>
            <Td>
              {row.submittedAt ? (
                <Flex direction="column" alignItems="flex-start">
                  <Typography tag="time" dateTime={row.submittedAt} title={absoluteTime(row.submittedAt, locale)} textColor="neutral800">
                    {relativeTime(row.submittedAt, locale)}
                  </Typography>
                  <Typography variant="pi" textColor="neutral600">
                    {absoluteTime(row.submittedAt, locale)}
                  </Typography>
                </Flex>
              ) : (
                '—'
              )}
            </Td>
            <Td>
              <StatusBadge status={statusOf(row)} />
            </Td>
            <Td>
              <Typography textColor="neutral800">
                <VisuallyHidden>{t('submissions.col.locale', 'Language')}: </VisuallyHidden>
                {row.locale}
              </Typography>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
