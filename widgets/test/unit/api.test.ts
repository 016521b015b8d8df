import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, client, Client } from '../../src/internal/api.js';

const ok = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const list = { data: [{ slug: 'a' }], meta: { pagination: { page: 1, pageSize: 10, pageCount: 1, total: 1 } } };

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('Client', () => {
  it('is one instance per API base', () => {
    expect(client('https://a.example')).toBe(client('https://a.example'));
    expect(client('https://a.example')).not.toBe(client('https://b.example'));
  });

  it('makes identical GETs in flight once, then serves them from memory for 60 s', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const fetch = vi.fn(async () => ok(list));
    vi.stubGlobal('fetch', fetch);
    const c = new Client();
    const s = new AbortController().signal;
    const [a, b] = await Promise.all([c.get('https://x/p', s), c.get('https://x/p', s)]);
    expect(a).toEqual(list);
    expect(b).toBe(a);
    expect(fetch).toHaveBeenCalledTimes(1);
    await c.get('https://x/p', s);
    expect(fetch).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(61_000);
    await c.get('https://x/p', s);
    expect(fetch).toHaveBeenCalledTimes(2);
    await c.get('https://x/other', s);
    expect(fetch).toHaveBeenCalledTimes(3);
  });

  it('cancels the request only when every caller has aborted', async () => {
    let seen: AbortSignal | undefined;
    vi.stubGlobal('fetch', (_: string, init: RequestInit) => {
      seen = init.signal!;
      return new Promise((_r, reject) => init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    });
    const c = new Client();
    const one = new AbortController(),
      two = new AbortController();
    const p1 = c.get('https://x/slow', one.signal),
      p2 = c.get('https://x/slow', two.signal);
    one.abort();
    await expect(p1).rejects.toThrow();
    expect(seen!.aborted).toBe(false);
    two.abort();
    await expect(p2).rejects.toThrow();
    expect(seen!.aborted).toBe(true);
  });

  it('does not cache failures', async () => {
    const fetch = vi.fn().mockResolvedValueOnce(ok({ data: null, error: { status: 500, name: 'E', message: 'boom' } }, 500)).mockResolvedValueOnce(ok(list));
    vi.stubGlobal('fetch', fetch);
    const c = new Client();
    const s = new AbortController().signal;
    await expect(c.get('https://x/p', s)).rejects.toMatchObject({ status: 500, message: 'boom' });
    await expect(c.get('https://x/p', s)).resolves.toEqual(list);
  });

  it.each([
    ['an unreachable server', () => Promise.reject(new TypeError('Failed to fetch')), 0],
    ['malformed JSON', async () => new Response('{"data":', { status: 200 }), -1],
    ['HTML instead of JSON', async () => new Response('<!doctype html>', { status: 200 }), -1],
    ['JSON without data', async () => ok({ hello: 'world' }), -1],
    ['a 404 with the error shape', async () => ok({ data: null, error: { status: 404, name: 'NotFoundError', message: 'Not Found', details: {} } }, 404), 404],
    ['a 502 with an HTML body', async () => new Response('<h1>Bad Gateway</h1>', { status: 502 }), 502],
  ])('turns %s into an ApiError', async (_, f, status) => {
    vi.stubGlobal('fetch', f);
    const e = await new Client().get('https://x/p', new AbortController().signal).catch((e: unknown) => e);
    expect(e).toBeInstanceOf(ApiError);
    expect((e as ApiError).status).toBe(status);
  });
});
