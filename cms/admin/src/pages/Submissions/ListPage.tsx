import {
  Badge,
  Box,
  Flex,
  SingleSelect,
  SingleSelectOption,
  Tabs,
  Field,
  EmptyStateLayout,
  Loader,
} from '@strapi/design-system';
import { Layouts, Page, Pagination } from '@strapi/strapi/admin';
import { useT } from '../../utils/useT';
import { SubmissionsTable } from './list/SubmissionsTable';
import { DEFAULT_PAGE_SIZE, useSubmissionList } from './list/useSubmissionList';
import { useStatusLabel } from './StatusBadge';
import { STATUSES } from './types';

/** The option value of the call filter that stands for every call (a select cannot hold ''). */
const ALL_CALLS = '__all__';

/**
 * The review queue (plugins/solidarity/submissions): a filter by call, one tab per review status
 * with its count, the submissions of the chosen tab and the pagination. What it shows is in the
 * address (useSubmissionList).
 */
export const ListPage = () => {
  const { t, locale } = useT();
  const statusLabel = useStatusLabel();
  const { status, call, calls, rows, counts, pagination, loading, failed, update } = useSubmissionList();

  return (
    <Page.Main>
      <Page.Title>{t('submissions.title', 'Submissions')}</Page.Title>
      <Layouts.Header
        title={t('submissions.title', 'Submissions')}
        subtitle={t('submissions.subtitle', 'Practices sent through the form, by review status')}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Flex justifyContent="space-between" alignItems="flex-end" gap={4} wrap="wrap">
            <Box minWidth="280px">
              <Field.Root name="call" id="solidarity-call-filter">
                <Field.Label>{t('submissions.filter.call', 'Call for practices')}</Field.Label>
                <SingleSelect
                  value={call || ALL_CALLS}
                  onChange={(v) => update({ call: v === ALL_CALLS ? null : String(v), page: null })}
                >
                  <SingleSelectOption value={ALL_CALLS}>{t('submissions.filter.allCalls', 'All calls')}</SingleSelectOption>
                  {calls.map((c) => (
                    <SingleSelectOption key={c.slug} value={c.slug}>
                      {c.title}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
              </Field.Root>
            </Box>
          </Flex>

          <Tabs.Root value={status} onValueChange={(v) => update({ status: v, page: null })} variant="simple">
            <Tabs.List aria-label={t('submissions.tabs', 'Review status')}>
              {STATUSES.map((s) => (
                <Tabs.Trigger key={s} value={s} data-status-tab={s}>
                  <Flex gap={2} alignItems="center">
                    <span>{statusLabel(s)}</span>
                    <Badge active={s === status} aria-label={t('submissions.count', '{count, plural, one {# submission} other {# submissions}}', { count: counts[s] ?? 0 })}>
                      {counts[s] ?? 0}
                    </Badge>
                  </Flex>
                </Tabs.Trigger>
              ))}
            </Tabs.List>
            {STATUSES.map((s) => (
              <Tabs.Content key={s} value={s}>
                {s === status && (
                  <Box paddingTop={4}>
                    {loading ? (
                      <Flex justifyContent="center" padding={8}>
                        <Loader>{t('loading', 'Loading…')}</Loader>
                      </Flex>
                    ) : failed ? (
                      <EmptyStateLayout content={t('submissions.loadError', 'Could not load the submissions: {message}', { message: failed })} />
                    ) : rows.length === 0 ? (
                      <EmptyStateLayout content={t('submissions.empty', 'No submission with this status.')} />
                    ) : (
                      <SubmissionsTable rows={rows} locale={locale} />
                    )}
                  </Box>
                )}
              </Tabs.Content>
            ))}
          </Tabs.Root>

          {pagination.pageCount > 0 && (
            <Pagination.Root pageCount={pagination.pageCount} total={pagination.total} defaultPageSize={DEFAULT_PAGE_SIZE}>
              <Pagination.PageSize options={['10', '20', '50', '100']} />
              <Pagination.Links />
            </Pagination.Root>
          )}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};
