import * as React from 'react';
import { publicGet } from '../../utils/publicApi';

/** What usePublicList gives: the items and whether a request is under way. */
export interface PublicList<T> {
  items: T[];
  loading: boolean;
}

/**
 * The `data` of a list of the public API (`GET /api/solidarity<path>?<params>`), reloaded when the
 * path, the parameters or `enabled` change; the previous request is aborted. An error leaves an
 * empty list (the Embed page's selects then offer nothing but "Any"). Nothing is fetched while
 * `enabled` is false.
 */
export const usePublicList = <T>(path: string, params: Record<string, string | number | undefined>, enabled = true): PublicList<T> => {
  const [items, setItems] = React.useState<T[]>([]);
  const [loading, setLoading] = React.useState(false);
  const key = JSON.stringify([path, params, enabled]);
  React.useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    setLoading(true);
    publicGet<T>(path, params, controller.signal)
      .then((res) => setItems(res.data))
      .catch(() => {
        if (!controller.signal.aborted) setItems([]);
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [key]);
  return { items, loading };
};
