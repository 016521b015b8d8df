/** The widgets' small LitElement (./lit.ts): the part of Lit's model the widgets rely on. */
import { expect } from '@open-wc/testing';
import { LitElement, css, html, type PropertyDeclarations, type PropertyValues } from './lit.js';

class Base extends LitElement {
  static override properties: PropertyDeclarations = { name: {}, pageSize: { attribute: 'page-size' }, layout: { reflect: true }, count: { state: true } };
  static override styles = [css`:host { display: block; color: rgb(1, 2, 3); }`];
  declare name?: string | null;
  declare pageSize?: string | null;
  declare layout?: string | null;
  declare count?: number;
  renders = 0;
  seen: PropertyValues[] = [];
  firsts = 0;
  override willUpdate(ch: PropertyValues): void {
    this.seen.push(new Map(ch));
    // a change made here joins this update (no second render)
    if (ch.has('name')) this.count = (this.count ?? 0) + 1;
  }
  override firstUpdated(): void {
    this.firsts++;
  }
  override render(): unknown {
    this.renders++;
    return html`<p>${this.name ?? '-'} ${this.pageSize ?? '-'} ${this.count ?? 0}</p>`;
  }
}
class Child extends Base {
  static override properties: PropertyDeclarations = { extra: {} };
  declare extra?: string | null;
  override render(): unknown {
    return html`${super.render()}<i>${this.extra ?? ''}</i>`;
  }
}
customElements.define('lit-test-base', Base);
customElements.define('lit-test-child', Child);

const make = async <T extends LitElement>(tag: string, attrs = ''): Promise<T> => {
  const d = document.createElement('div');
  d.innerHTML = `<${tag} ${attrs}></${tag}>`;
  document.body.append(d);
  const el = d.firstElementChild as T;
  await el.updateComplete;
  return el;
};
const text = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();

describe('internal/lit.ts: the widgets\' LitElement', () => {
  afterEach(() => document.querySelectorAll('lit-test-base, lit-test-child').forEach((e) => e.parentElement!.remove()));

  it('reads attributes (named or lower-cased) into properties and renders once per batch of changes', async () => {
    const el = await make<Base>('lit-test-base', 'name="a" page-size="5"');
    expect(text(el)).to.equal('a 5 1');
    expect(el.renders).to.equal(1);
    expect(el.firsts).to.equal(1);
    el.name = 'b';
    el.setAttribute('page-size', '7');
    expect(await el.updateComplete).to.equal(true);
    expect(text(el)).to.equal('b 7 2');
    expect(el.renders).to.equal(2);
    expect(el.firsts).to.equal(1);
    expect([...el.seen[1].entries()]).to.deep.equal([
      ['name', 'a'],
      ['pageSize', '5'],
    ]);
    el.removeAttribute('name');
    await el.updateComplete;
    expect(el.name).to.equal(null);
  });

  it('sets nothing and renders nothing again for the same value', async () => {
    const el = await make<Base>('lit-test-base', 'name="a"');
    el.name = 'a';
    await el.updateComplete;
    expect(el.renders).to.equal(1);
  });

  it('reflects `reflect: true` properties to their attribute, never state', async () => {
    const el = await make<Base>('lit-test-base');
    el.layout = 'grid';
    el.count = 3;
    await el.updateComplete;
    expect(el.getAttribute('layout')).to.equal('grid');
    expect(el.hasAttribute('count')).to.equal(false);
    el.layout = null;
    await el.updateComplete;
    expect(el.hasAttribute('layout')).to.equal(false);
    expect((el.constructor as typeof LitElement).observedAttributes).to.deep.equal(['name', 'page-size', 'layout']);
  });

  it('inherits the properties of its ancestors, and adopts its styles in an open shadow root', async () => {
    const el = await make<Child>('lit-test-child', 'name="n" extra="x"');
    expect(text(el)).to.equal('n - 1x');
    expect(getComputedStyle(el).color).to.equal('rgb(1, 2, 3)');
    expect(Child.observedAttributes).to.deep.equal(['name', 'page-size', 'layout', 'extra']);
  });

  it('keeps a property set before the element was defined, and does not render before it is connected', async () => {
    const el = document.createElement('lit-test-late') as LitElement & { name?: string };
    el.name = 'early';
    customElements.define('lit-test-late', class extends Base {});
    customElements.upgrade(el);
    await new Promise((r) => setTimeout(r));
    expect(el.shadowRoot).to.equal(null);
    document.body.append(el);
    await el.updateComplete;
    expect(text(el)).to.equal('early - 1');
    el.remove();
  });
});
