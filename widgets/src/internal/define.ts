/**
 * Registers a widget's element, once. A tag already defined by this same class (the script
 * included twice) is left as it is; one defined by something else (another copy of the widgets
 * from another address, or another library using the name) is left too, with a console warning
 * that names the clash when the page has the tag, since the page then does not show these widgets.
 */
export const define = (tag: string, cls: CustomElementConstructor): void => {
  const other = customElements.get(tag);
  if (!other) customElements.define(tag, cls);
  // only where the page has the tag: a chunk also defines its element when another widget imports it
  // (a practice opened in a list imports <solidarity-practice>'s chunk for its view)
  else if (other != cls && document.querySelector(tag))
    console.warn(`Solidarity Commons: <${tag}> is already defined by another script (${other.name || 'anonymous class'}): not registered`);
};
