/**
 * The API client shared by every widget on the page: one instance per API base URL.
 * Identical GETs in flight are made once; answers are kept 60 s in memory; a caller's
 * AbortSignal cancels its wait, and the request itself once nobody waits for it any more.
 */

/** `s`: HTTP status, 0 when the server could not be reached, -1 when the answer is not the expected JSON. */
export class ApiError extends Error {
  constructor(
    readonly s: number,
    m = ''
  ) {
    super(m);
  }
}

const TTL = 6e4;

interface Entry {
  t: number;
  p: Promise<unknown>;
  /** callers waiting */
  n: number;
  c: AbortController;
  /** settled with success */
  ok?: 1;
}

const request = async (url: string, signal: AbortSignal): Promise<unknown> => {
  let r: Response;
  try {
    r = await fetch(url, { signal });
  } catch (e) {
    throw signal.aborted ? e : new ApiError(0, String(e));
  }
  let j: { data?: unknown; error?: { message?: string } } | null;
  try {
    j = await r.json();
  } catch {
    throw new ApiError(r.ok ? -1 : r.status, r.statusText);
  }
  if (!r.ok) throw new ApiError(r.status, j?.error?.message || r.statusText);
  if (!j || typeof j != 'object' || !j.data || typeof j.data != 'object') throw new ApiError(-1);
  return j;
};

export class Client {
  private m = new Map<string, Entry>();
  /** Locales the API refused (400): sent no more. */
  readonly bad = new Set<string>();

  get<T>(url: string, signal: AbortSignal): Promise<T> {
    const now = Date.now();
    let e = this.m.get(url);
    if (!e || (e.ok && now - e.t > TTL)) {
      for (const [k, v] of this.m) if (v.ok && now - v.t > TTL) this.m.delete(k);
      const c = new AbortController();
      const n: Entry = (e = { t: now, n: 0, c, p: request(url, c.signal) });
      n.p.then(
        () => ((n.ok = 1), (n.t = Date.now())),
        () => this.m.get(url) == n && this.m.delete(url)
      );
      this.m.set(url, n);
    }
    const x = e;
    x.n++;
    return new Promise<T>((res, rej) => {
      const abort = () => {
        if (!--x.n && !x.ok) {
          x.c.abort();
          if (this.m.get(url) == x) this.m.delete(url);
        }
        rej(signal.reason);
      };
      if (signal.aborted) return abort();
      signal.addEventListener('abort', abort, { once: true });
      x.p.then((v) => res(v as T), rej).finally(() => signal.removeEventListener('abort', abort));
    });
  }
}

const clients = new Map<string, Client>();

/** The page's one client for `base`. */
export const client = (base: string): Client => {
  let c = clients.get(base);
  if (!c) clients.set(base, (c = new Client()));
  return c;
};
