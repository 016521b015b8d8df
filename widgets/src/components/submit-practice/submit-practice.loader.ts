/**
 * The only part of <solidarity-submit-practice> in the entry: once such an element is in the
 * document (at load or later), the form's own chunk is imported and defines it. An element made
 * inside another element's shadow root is not seen: put one in the document, or import the chunk.
 */
const TAG_NAME = 'solidarity-submit-practice';
if (!customElements.get(TAG_NAME)) {
  const forms = document.getElementsByTagName(TAG_NAME),
    observer = new MutationObserver(() => loadIfUsed()),
    loadIfUsed = () => forms.length && (observer.disconnect(), import('./submit-practice.js'));
  if (!loadIfUsed()) observer.observe(document, { childList: true, subtree: true });
}
