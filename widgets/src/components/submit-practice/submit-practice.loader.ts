/**
 * The only part of <solidarity-submit-practice> in the entry: once such an element is in the
 * document (at load or later), the form's own chunk is imported and defines it. An element made
 * inside another element's shadow root is not seen: put one in the document, or import the chunk.
 */
const T = 'solidarity-submit-practice';
if (!customElements.get(T)) {
  const c = document.getElementsByTagName(T),
    mo = new MutationObserver(() => go()),
    go = () => c.length && (mo.disconnect(), import('./submit-practice.js'));
  if (!go()) mo.observe(document, { childList: true, subtree: true });
}
