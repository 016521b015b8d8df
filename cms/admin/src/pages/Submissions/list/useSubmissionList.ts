import * as React from 'react';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useSearchParams } from 'react-router-dom';
import { publicGet } from '../../../utils/publicApi';
import { useT } from '../../../utils/useT';
import { STATUSES, type ListMeta, type Status, type SubmissionSummary } from '../types';

/** The list's page size when the address gives none (the Pagination's default too). */
export const DEFAULT_PAGE_SIZE = 20;

/** A call for practices offered by the list's filter. */
export interface CallOption {
  slug: string;
  title: string;
}

const positive = (v: string | null, fallback: number) => {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

const isStatus = (v: string | null): v is Status => (STATUSES as readonly string[]).includes(v ?? '');

/**
 * The review queue as the address says (`?status=&call=&page=&pageSize=`; status `submitted`, page 1,
 * 20 a page, at most 100, when missing or wrong): `GET /solidarity/submissions` (admin API) reloaded
 * when one of them changes, with the counts per status in `meta`; a failure is `failed` (its message)
 * and a notification. `calls` are the published calls of the public API, in the admin's language (none
 * when that read fails). `update` changes parameters of the address ('' or null removes one).
 */
export const useSubmissionList = () => {
  const { t, locale } = useT();
  const { get } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [params, setParams] = useSearchParams();

  const requested = params.get('status');
  const status: Status = isStatus(requested) ? requested : 'submitted';
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

  return { status, call, calls, rows, counts, pagination, loading, failed, update };
};
