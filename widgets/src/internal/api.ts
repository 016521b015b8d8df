/**
 * The API client shared by every widget on the page: one instance per API base URL.
 * Identical GETs in flight are made once; answers are kept 60 s in memory; a caller's
 * AbortSignal cancels its wait, and the request itself once nobody waits for it any more.
 */

/** A failed request. `status`: the HTTP status, 0 when the server could not be reached, -1 when the answer is not the expected JSON. */
export class ApiError extends Error {
  /** The HTTP status; 0: no answer (offline, refused); -1: not the expected JSON. */
  declare readonly status: number;
  constructor(status: number, message = '') {
    super(message);
    this.status = status;
  }
}

/** How long an answer is kept, in ms. */
const TTL = 60_000;

/** A request of the cache: in flight, or answered. */
interface Entry {
  /** when it was made, then when it was answered (ms since the epoch) */
  __time: number;
  __answer: Promise<unknown>;
  /** callers waiting */
  __waiting: number;
  __controller: AbortController;
  /** answered with success */
  __ok?: boolean;
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
  private __entries = new Map<string, Entry>();
  /** Locales the API refused (400): sent no more. */
  readonly __refused = new Set<string>();

  get<T>(url: string, signal: AbortSignal): Promise<T> {
    const now = Date.now();
    const entries = this.__entries;
    let e = entries.get(url);
    if (!e || (e.__ok && now - e.__time > TTL)) {
      for (const [k, v] of entries) if (v.__ok && now - v.__time > TTL) entries.delete(k);
      const c = new AbortController();
      const n: Entry = (e = { __time: now, __waiting: 0, __controller: c, __answer: request(url, c.signal) });
      n.__answer.then(
        () => ((n.__ok = true), (n.__time = Date.now())),
        () => entries.get(url) == n && entries.delete(url)
      );
      entries.set(url, n);
    }
    const x = e;
    x.__waiting++;
    return new Promise<T>((res, rej) => {
      const abort = () => {
        if (!--x.__waiting && !x.__ok) {
          x.__controller.abort();
          if (entries.get(url) == x) entries.delete(url);
        }
        rej(signal.reason);
      };
      if (signal.aborted) return abort();
      signal.addEventListener('abort', abort, { once: true });
      x.__answer.then((v) => res(v as T), rej).finally(() => signal.removeEventListener('abort', abort));
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
