/**
 * The file partners include (dist/solidarity.js): a small autoloader, built as a classic script (an
 * IIFE without `import.meta`), so it runs the same as `<script src>`, as `<script type="module">`,
 * with or without a query string (`?ver=` from WordPress's wp_enqueue_script), and imported.
 *
 * It finds the `solidarity-*` elements in the document (now and as they are added, by a
 * MutationObserver) and imports each one's chunk only then: Lit and the shared client come in one
 * shared chunk, every widget in its own. Chunks are imported by absolute URL next to this file,
 * without its query string, so two inclusions (a module and a classic one, two `?ver=`) share
 * the browser's module map and never load a second copy; a global guard
 * (`globalThis.__solidarityLoader`) keeps the second inclusion from scanning again. Chunks never
 * import this file.
 */
import chunks from 'virtual:chunks';

/** The running loader, on `globalThis.__solidarityLoader`. */
interface Loader {
  /** URL of the folder the chunks are in (`.../widgets/chunks/`). */
  base: string;
  /** Imports the chunk of every `solidarity-*` element in the document not loaded yet. */
  scan(): void;
}

const g = globalThis as typeof globalThis & { __solidarityLoader?: Loader };

/**
 * URL of this file: `document.currentScript` for a classic script; for a module (which has no
 * currentScript, and this file cannot say `import.meta`) the top frame of a stack trace, which
 * names the running file in every current browser; else the last script whose src names it.
 */
const here = (): string => {
  const s = document.currentScript as HTMLScriptElement | null,
    m = /((?:https?|file):\/\/[^\s()]+?)(?::\d+){2}/.exec(new Error().stack || ''),
    tags = document.querySelectorAll<HTMLScriptElement>('script[src*="solidarity"]');
  return (s && s.src) || (m && m[1]) || (tags.length ? tags[tags.length - 1].src : location.href);
};

if (!g.__solidarityLoader) {
  const base = new URL('chunks/', here().replace(/[?#].*/, '')).href,
    todo = new Map(Object.keys(chunks).filter(Boolean).map((n) => ['solidarity-' + n, chunks[n]])),
    scan = () => {
      for (const [tag, file] of todo)
        if (document.getElementsByTagName(tag).length) {
          todo.delete(tag);
          // the shared chunk at once, beside the widget's (which imports it): no waterfall
          import(base + chunks['']);
          import(base + file);
        }
      if (!todo.size) observer.disconnect();
    },
    observer = new MutationObserver(scan);
  g.__solidarityLoader = { base, scan };
  observer.observe(document, { childList: true, subtree: true });
  scan();
}
