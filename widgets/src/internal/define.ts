/**
 * Registers a widget's element, once. A tag already defined by this same class (the script
 * included twice) is left as it is; one defined by something else (another copy of the widgets
 * from another address, or another library using the name) is left too, with a console warning
 * that names the clash, since the page then does not show these widgets.
 */
export const define = (tag: string, cls: CustomElementConstructor): void => {
  const other = customElements.get(tag);
  if (!other) customElements.define(tag, cls);
  else if (other != cls)
    console.warn(`Solidarity Commons: <${tag}> is already defined by another script (${other.name}): not registered`);
};
