/**
 * Reads of the public content API (/api/solidarity/...) from the admin: plain GETs without the
 * admin's token or cookies, on the server the admin talks to.
 */
export interface ListAnswer<T> {
  data: T[];
  meta?: { pagination?: { page: number; pageSize: number; pageCount: number; total: number } };
}

/** The Strapi server the admin panel talks to (window.strapi.backendURL), else this page's origin. */
export const backendUrl = (): string => {
  // Strapi's admin sets window.strapi at runtime and declares no type for it.
  const w = window as unknown as { strapi?: { backendURL?: string } };
  return (w.strapi?.backendURL || window.location.origin).replace(/\/+$/, '');
};

export const publicGet = async <T>(path: string, params: Record<string, string | number | undefined> = {}, signal?: AbortSignal): Promise<ListAnswer<T>> => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const qs = q.toString();
  const res = await fetch(`${backendUrl()}/api/solidarity${path}${qs ? `?${qs}` : ''}`, {
    credentials: 'omit',
    headers: { Accept: 'application/json' },
    signal,
  });
  if (!res.ok) throw new Error(`${res.status} ${res.statusText}`);
  return (await res.json()) as ListAnswer<T>;
};
