import { bundleUrl } from './snippet';

export type BundleState =
  | { status: 'loading' }
  | { status: 'ready'; url: string; fallback: boolean }
  | { status: 'error'; message: string; tried: string[] };

const loaded = new Map<string, Promise<unknown>>();

/**
 * Loads the real widget bundle into the admin page (it defines its custom elements guardedly, so
 * loading it twice is harmless). First from the public URL, exactly as partners do; if the admin's
 * Content-Security-Policy (script-src) or the network refuses that origin, from the server the
 * admin talks to, which serves the same file.
 */
export const loadWidgetBundle = async (publicUrl: string, fallbacks: string[]): Promise<BundleState> => {
  const primary = bundleUrl(publicUrl);
  const candidates = [primary, ...fallbacks.map((base) => bundleUrl(base))].filter((u, i, all) => all.indexOf(u) === i);
  let message = '';
  for (const url of candidates) {
    try {
      let p = loaded.get(url);
      if (!p) {
        p = import(/* @vite-ignore */ url);
        loaded.set(url, p);
        p.catch(() => loaded.delete(url));
      }
      await p;
      return { status: 'ready', url, fallback: url !== primary };
    } catch (error) {
      message = (error as Error).message;
    }
  }
  return { status: 'error', message, tried: candidates };
};
