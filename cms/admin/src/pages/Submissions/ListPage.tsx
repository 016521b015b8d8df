import * as React from 'react';
import {
  Badge,
  Box,
  Flex,
  Link as DSLink,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tabs,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
  VisuallyHidden,
  Field,
  EmptyStateLayout,
  Loader,
} from '@strapi/design-system';
import { Layouts, Page, Pagination, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { Link, useSearchParams } from 'react-router-dom';
import { absoluteTime, relativeTime } from '../../utils/dates';
import { publicGet } from '../../utils/publicApi';
import { useT } from '../../utils/useT';
import { StatusBadge, useStatusLabel } from './StatusBadge';
import { STATUSES, statusOf, type ListMeta, type Status, type SubmissionSummary } from './types';

const DEFAULT_PAGE_SIZE = 20;
const ALL_CALLS = '__all__';

interface CallOption {
  slug: string;
  title: string;
}

const positive = (v: string | null, fallback: number) => {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

export const ListPage = () => {
  const { t, locale } = useT();
  const statusLabel = useStatusLabel();
  const { get } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [params, setParams] = useSearchParams();

  const status = (STATUSES as readonly string[]).includes(params.get('status') ?? '') ? (params.get('status') as Status) : 'submitted';
  const call = params.get('call') ?? '';
  const page = positive(params.get('page'), 1);
  const pageSize = Math.min(positive(params.get('pageSize'), DEFAULT_PAGE_SIZE), 100);

  const [rows, setRows] = React.useState<SubmissionSummary[]>([]);
  const [meta, setMeta] = React.useState<ListMeta>({});
  const [loading, setLoading] = React.useState(true);
  const [failed, setFailed] = React.useState<string | null>(null);
  const [calls, setCalls] = React.useState<CallOption[]>([]);

  const update = (next: Record<string, string | null>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v === null || v === '') p.delete(k);
      else p.set(k, v);
    }
    setParams(p);
  };

  React.useEffect(() => {
    const controller = new AbortController();
    publicGet<CallOption>('/calls', { pageSize: 50, locale }, controller.signal)
      .then((res) => setCalls(res.data.map((c) => ({ slug: c.slug, title: c.title }))))
      .catch(() => {
        /* the filter stays with "All calls" */
      });
    return () => controller.abort();
  }, [locale]);

  React.useEffect(() => {
    let alive = true;
    setLoading(true);
    get<{ data: SubmissionSummary[]; meta: ListMeta }>('/solidarity/submissions', {
      params: { status, page, pageSize, ...(call ? { call } : {}) },
    })
      .then(({ data }) => {
        if (!alive) return;
        setRows(Array.isArray(data.data) ? data.data : []);
        setMeta(data.meta ?? {});
        setFailed(null);
      })
      .catch((error: Error) => {
        if (!alive) return;
        setFailed(error.message);
        toggleNotification({ type: 'danger', message: t('submissions.loadError', 'Could not load the submissions: {message}', { message: error.message }) });
      })
      .finally(() => alive && setLoading(false));
    return () => {
      alive = false;
    };
  }, [status, call, page, pageSize]);

  const counts = meta.counts ?? {};
  const pagination = meta.pagination ?? { page, pageSize, pageCount: 0, total: 0 };

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

const SubmissionsTable = ({ rows, locale }: { rows: SubmissionSummary[]; locale: string }) => {
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
