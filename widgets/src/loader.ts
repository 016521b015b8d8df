/**
 * The file partners include (dist/solidarity.js): a small autoloader, built as a classic script (an
 * IIFE without `import.meta`), so it runs the same as `<script src>`, as `<script type="module">`,
 * with or without a query string (`?ver=` from WordPress's wp_enqueue_script), and imported.
 *
 * It finds the `solidarity-*` elements in the document (now and as they are added, by a
 * MutationObserver) and imports each one's chunk only then: Lit and the shared client come in one
 * shared chunk, every widget in its own; or, on a page with one read widget alone, that widget's own
 * build in one chunk; or, on a page with several read widgets at load, the four read widgets and the
 * shared client in one chunk, when that is fewer bytes (see `pick`). Chunks are imported by absolute URL next to this file,
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
  /**
   * Imports the chunk of every `solidarity-*` element in `root` (default: the document, which the
   * loader also observes) not loaded yet, from the build the page uses: call it with a shadow root
   * that holds widgets (the loader does not see inside shadow roots).
   */
  scan(root?: ParentNode): void;
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

/** Whether `root` (the page, or a shadow root given to `scan`) has a `solidarity-<n>` element. */
const has = (n: string, root: ParentNode = document): boolean => !!root.querySelector('solidarity-' + n);

/**
 * The chunks for this page, chosen once, when its tags are there. A page with one read widget alone
 * (no other `solidarity-*` tag): that widget's own build (`chunks.one`, the hash of its family's names),
 * one chunk with only the shared code it uses (fewer bytes than the shared chunk and its own); a tag
 * added later loads from the same family, whose other chunks import lit-html and the shared client from
 * that one (no second copy of them). Else one chunk per widget
 * beside the shared one (`chunks.chunks`); or, with at least `chunks.n` read widgets (the count from
 * which the one chunk with all four costs fewer gzip bytes, whichever they are: several chunks
 * compress worse than the same code in one file), that chunk for every read widget, and its build's
 * form (`chunks.all`). A tag added later loads its chunk from the build chosen: every chunk a page loads
 * comes from one build, so nothing is loaded twice.
 */
const pick = (): Record<string, string> => {
  const { chunks: each, all, one, n } = chunks,
    /** the read widgets on the page */
    reads = Object.keys(one).filter((n) => has(n)),
    x = reads.length == 1 && !has('submit-practice') && reads[0],
    /** tag ('' the shared code) -> its file in the build chosen */
    file = x
      ? // x's family: `one-<x>-<hash>.js` (x, lit-html and the shared code x uses), `one-<x>-<hash>-<tag>.js` the others
        (t: string) => `one-${x}-${one[x]}${t && t != x ? '-' + t : ''}.js`
      : reads.length >= n
        ? // the four read widgets and the shared code in one file, the form in another
          (t: string) => all[+(t == 'submit-practice')]
        : (t: string) => `${t ? t + '-element' : 'shared'}-${each[t]}.js`;
  return Object.fromEntries(Object.keys(each).map((t) => [t, file(t)]));
};

if (!g.__solidarityLoader) {
  let files: Record<string, string> = {};
  const base = new URL('chunks/', here().replace(/[?#].*/, '')).href,
    /** tag -> its chunk, not imported yet (filled by `start`) */
    todo = new Map<string, string>(),
    /** Imports the chunk of each tag in `root` (the page; or a shadow root, which the observer does not see) from the build chosen. */
    scan = (root?: ParentNode) => {
      for (const [tag, file] of todo)
        if (has(tag.slice(11), root)) {
          todo.delete(tag);
          // the shared chunk at once, beside the widget's (which imports it): no waterfall
          import(base + files['']);
          import(base + file);
        }
      if (!todo.size) observer.disconnect();
    },
    observer = new MutationObserver(() => scan()),
    start = () => {
      files = pick();
      for (const n of Object.keys(files)) if (n) todo.set('solidarity-' + n, files[n]);
      observer.observe(document, { childList: true, subtree: true });
      scan();
    };
  g.__solidarityLoader = { base, scan };
  // a script in the <head> runs before the body is parsed: choose the chunks once the page's tags are there
  if (document.readyState == 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
}
