import * as React from 'react';
import { isFetchError, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useT } from '../../utils/useT';
import type { CallAssessment, Decision, Score } from './types';

/**
 * One call's assessment through the plugin's admin API:
 * - loads `GET /solidarity/assessment/calls/:callId?locale=<admin's language>` (`notFound` on 404);
 * - `score(documentId, scores)`: `PUT …/submissions/:documentId/scores`, then reloads;
 * - `decide(documentId, decision, reason)`: `POST …/submissions/:documentId/decision`, then reloads.
 * Each resolves to the server's error message (400, 403 with a conflict of interest) or null, and
 * every outcome is told in a notification.
 */
export const useCallAssessment = (callId: string) => {
  const { t, locale } = useT();
  const { get, put, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [view, setView] = React.useState<CallAssessment | null>(null);
  const [notFound, setNotFound] = React.useState(false);
  const [busy, setBusy] = React.useState(false);
  const base = `/solidarity/assessment/calls/${encodeURIComponent(callId)}`;
  const language = locale.split('-')[0];

  const load = React.useCallback(async () => {
    try {
      const { data } = await get<{ data: CallAssessment }>(`${base}?locale=${encodeURIComponent(language)}`);
      setView(data.data);
    } catch (error) {
      if (isFetchError(error) && error.status === 404) setNotFound(true);
      else toggleNotification({ type: 'danger', message: (error as Error).message });
    }
  }, [base, language, get, toggleNotification]);

  React.useEffect(() => {
    void load();
  }, [load]);

  const send = async (request: () => Promise<unknown>, done: string): Promise<string | null> => {
    setBusy(true);
    try {
      await request();
      toggleNotification({ type: 'success', message: done });
      await load();
      return null;
    } catch (error) {
      const message = (error as Error).message;
      toggleNotification({ type: 'danger', message });
      if (isFetchError(error) && error.status === 403) await load();
      return message;
    } finally {
      setBusy(false);
    }
  };

  return {
    view,
    notFound,
    busy,
    /** loads the call's assessment again */
    reload: load,
    score: (documentId: string, scores: Score[]) =>
      send(
        () => put(`${base}/submissions/${encodeURIComponent(documentId)}/scores`, { scores: scores.map((s) => ({ criterion: s.criterion, score: s.score, ...(s.comment ? { comment: s.comment } : {}) })) }),
        t('assessment.scored', 'Your scores are saved.')
      ),
    decide: (documentId: string, decision: Decision, reason: string) =>
      send(() => post(`${base}/submissions/${encodeURIComponent(documentId)}/decision`, { decision, reason }), t('assessment.decided', 'The decision is recorded.')),
  };
};
