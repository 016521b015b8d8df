/**
 * Reads of the public content API (/api/solidarity/...) from the admin: plain GETs without the
 * admin's token or cookies, on the server the admin talks to.
 */
export interface ListAnswer<T> {
  data: T[];
  meta?: { pagination?: { page: number; pageSize: number; pageCount: number; total: number } };
}

declare global {
  interface Window {
    /**
     * Set by Strapi's admin at runtime (@strapi/admin's renderAdmin), which declares no type for it;
     * only what this plugin reads: the absolute URL of the server the admin talks to (from
     * STRAPI_ADMIN_BACKEND_URL, else this page's origin).
     */
    strapi?: { backendURL?: string };
  }
}

/** The Strapi server the admin panel talks to (window.strapi.backendURL), else this page's origin; no trailing slash. */
export const backendUrl = (): string => (window.strapi?.backendURL || window.location.origin).replace(/\/+$/, '');

/**
 * `GET /api/solidarity<path>?<params>` on backendUrl(), without credentials; parameters undefined or ''
 * are left out. Throws an Error `"<status> <statusText>"` for a non-2xx answer (and the fetch's own
 * errors, an AbortError when `signal` aborts).
 */
export const publicGet = <T>(path: string, params: Record<string, string | number | undefined> = {}, signal?: AbortSignal): Promise<ListAnswer<T>> =>
  publicRead<ListAnswer<T>>(path, params, signal);

/** One document of the public API (`GET /api/solidarity/<plural>/<idOrSlug>`): its answer, `{ data }`. */
export interface OneAnswer<T> {
  data: T;
}

/** `GET /api/solidarity<path>?<params>` as publicGet, for any answer (one document: OneAnswer). */
export const publicRead = async <A>(path: string, params: Record<string, string | number | undefined> = {}, signal?: AbortSignal): Promise<A> => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const qs = q.toString();
  const res = await fetch(`${backendUrl()}/api/solidarity${path}${qs ? `?${qs}` : ''}`, {
    credentials: 'omit',
    headers: { Accept: 'application/json' },
    signal,
  });
  if (!res.ok) throw new Error(`${res.status} ${res.statusText}`);
  return (await res.json()) as A;
};
