import { expect } from '@open-wc/testing';
import { adoptStyles, css } from './css.js';
import { WidgetElement, type PropertyDeclarations, type PropertyValues } from './element.js';
import { html } from './lit.js';

/** Records its lifecycle calls, each with the changed properties and their old values. */
class Probe extends WidgetElement {
  static override properties: PropertyDeclarations = {
    name: {},
    pageSize: { attribute: 'page-size' },
    count: { type: Number },
    open: { type: Boolean, reflect: true },
    layout: { reflect: true },
    __state: { state: true },
  };
  static override styles = [css`:host{display:block}p{color:rgb(1, 2, 3)}`];
  declare name?: string | null;
  declare pageSize?: string | null;
  declare count?: number | null;
  declare open?: boolean;
  declare layout?: string | null;
  declare __state?: number;
  log: string[] = [];
  renders = 0;
  /** a property set in willUpdate joins the update */
  derived = '';
  note = (what: string, ch: PropertyValues): number => this.log.push(`${what} ${[...ch].map(([k, v]) => `${String(k)}:${String(v)}`).join(',')}`);
  override willUpdate(ch: PropertyValues): void {
    this.note('willUpdate', ch);
    if (ch.has('name')) this.__state = (this.__state ?? 0) + 1;
  }
  override render(): unknown {
    this.renders++;
    this.log.push('render');
    return html`<p>${this.name}|${this.__state}</p>`;
  }
  override firstUpdated(ch: PropertyValues): void {
    this.note('firstUpdated', ch);
  }
  override updated(ch: PropertyValues): void {
    this.note('updated', ch);
  }
}
customElements.define('x-probe', Probe);

/** A subclass: inherits and adds properties. */
class SubProbe extends Probe {
  static override properties: PropertyDeclarations = { extra: {} };
  declare extra?: string | null;
}
customElements.define('x-sub-probe', SubProbe);

const mount = async <T extends WidgetElement>(markup: string): Promise<T> => {
  const box = document.createElement('div');
  box.className = 'probe-box';
  box.innerHTML = markup;
  document.body.append(box);
  const el = box.firstElementChild as T;
  await el.updateComplete;
  return el;
};

describe('WidgetElement (the widgets’ base element)', () => {
  afterEach(() => document.querySelectorAll('.probe-box, x-late').forEach((e) => e.remove()));

  it('converts attributes to properties (names, String, Number, Boolean) and back when reflected', async () => {
    const el = await mount<Probe>('<x-probe name="a" page-size="5" count="7" open layout="grid"></x-probe>');
    expect([el.name, el.pageSize, el.count, el.open, el.layout]).to.deep.equal(['a', '5', 7, true, 'grid']);
    el.setAttribute('count', 'x');
    expect(Number.isNaN(el.count)).to.equal(true);
    el.removeAttribute('count');
    el.removeAttribute('open');
    el.removeAttribute('name');
    expect([el.count, el.open, el.name]).to.deep.equal([null, false, null]);
    // reflect: at the next update
    el.layout = 'list';
    el.open = true;
    expect(el.getAttribute('layout')).to.equal('grid');
    await el.updateComplete;
    expect([el.getAttribute('layout'), el.hasAttribute('open')]).to.deep.equal(['list', true]);
    el.layout = null;
    el.open = false;
    await el.updateComplete;
    expect([el.hasAttribute('layout'), el.hasAttribute('open')]).to.deep.equal([false, false]);
    // not reflected: the attribute stays as it was
    el.pageSize = '9';
    await el.updateComplete;
    expect(el.getAttribute('page-size')).to.equal('5');
    expect((el.constructor as typeof WidgetElement & { observedAttributes: string[] }).observedAttributes).to.deep.equal(['name', 'page-size', 'count', 'open', 'layout']);
  });

  it('renders into an open shadow root with the static styles adopted', async () => {
    const el = await mount<Probe>('<x-probe name="hi"></x-probe>');
    expect(el.renderRoot).to.equal(el.shadowRoot);
    expect(el.shadowRoot!.querySelector('p')!.textContent).to.equal('hi|1');
    expect(getComputedStyle(el.shadowRoot!.querySelector('p')!).color).to.equal('rgb(1, 2, 3)');
    const other = await mount<Probe>('<x-probe></x-probe>');
    // one stylesheet shared by every element of the class
    expect(other.shadowRoot!.adoptedStyleSheets[0]).to.equal(el.shadowRoot!.adoptedStyleSheets[0]);
  });

  it('adopts styles as <style> elements where constructable stylesheets are missing', () => {
    const root = document.createElement('div').attachShadow({ mode: 'open' });
    adoptStyles(root, [css`p{color:red}`, css`i{color:blue}`], false);
    expect([...root.querySelectorAll('style')].map((s) => s.textContent)).to.deep.equal(['p{color:red}', 'i{color:blue}']);
    expect(root.adoptedStyleSheets).to.have.length(0);
  });

  it('runs the lifecycle in Lit’s order, with the changed properties and their old values', async () => {
    const el = await mount<Probe>('<x-probe name="a"></x-probe>');
    expect(el.hasUpdated).to.equal(true);
    expect(el.log).to.deep.equal(['willUpdate name:undefined', 'render', 'firstUpdated name:undefined,__state:undefined', 'updated name:undefined,__state:undefined']);
    el.log = [];
    el.name = 'b';
    await el.updateComplete;
    expect(el.log).to.deep.equal(['willUpdate name:a', 'render', 'updated name:a,__state:1']);
    expect(el.shadowRoot!.textContent).to.equal('b|2');
  });

  it('batches changes in one update, skips unchanged values, and resolves updateComplete after it', async () => {
    const el = await mount<Probe>('<x-probe name="a"></x-probe>');
    const before = el.renders;
    el.name = 'b';
    el.name = 'c';
    el.pageSize = '3';
    expect(el.isUpdatePending).to.equal(true);
    expect(el.renders).to.equal(before);
    expect(await el.updateComplete).to.equal(true);
    expect(el.renders).to.equal(before + 1);
    expect(el.log.at(-1)).to.equal('updated name:a,pageSize:undefined,__state:1');
    // the same value again: no update
    el.name = 'c';
    expect(el.isUpdatePending).to.equal(false);
    el.count = NaN;
    await el.updateComplete;
    const n = el.renders;
    el.count = NaN;
    expect(el.isUpdatePending).to.equal(false);
    el.requestUpdate();
    await el.updateComplete;
    expect(el.renders).to.equal(n + 1);
  });

  it('waits for the connection before the first update', async () => {
    const el = document.createElement('x-probe') as Probe;
    el.name = 'early';
    await new Promise((r) => setTimeout(r));
    expect([el.hasUpdated, el.renders, el.shadowRoot]).to.deep.equal([false, 0, null]);
    document.body.append(el);
    await el.updateComplete;
    expect([el.hasUpdated, el.shadowRoot!.textContent]).to.deep.equal([true, 'early|1']);
    el.remove();
  });

  it('takes values set on the element before its class was defined (an upgrade)', async () => {
    const el = document.createElement('x-late') as HTMLElement & { name?: string };
    el.name = 'before';
    document.body.append(el);
    class Late extends Probe {}
    customElements.define('x-late', Late);
    const up = el as unknown as Late; // the same element, upgraded by define()
    await up.updateComplete;
    expect(Object.hasOwn(up, 'name')).to.equal(false);
    expect(up.shadowRoot!.textContent).to.equal('before|1');
    up.name = 'after';
    await up.updateComplete;
    expect(up.shadowRoot!.textContent).to.equal('after|2');
  });

  it('merges a subclass’s properties with its superclass’s', async () => {
    const el = await mount<SubProbe>('<x-sub-probe name="n" extra="e" open></x-sub-probe>');
    expect([el.name, el.extra, el.open]).to.deep.equal(['n', 'e', true]);
    expect((SubProbe as unknown as { observedAttributes: string[] }).observedAttributes).to.include.members(['name', 'extra', 'open']);
    el.log = [];
    el.extra = 'f';
    await el.updateComplete;
    expect(el.log).to.deep.equal(['willUpdate extra:e', 'render', 'updated extra:e']);
  });

  it('rejects updateComplete when an update throws, and updates again afterwards', async () => {
    const el = await mount<Probe>('<x-probe name="a"></x-probe>');
    const render = el.render;
    el.render = () => {
      throw new Error('boom');
    };
    el.name = 'b';
    const seen: unknown[] = [];
    const onRejection = (e: PromiseRejectionEvent) => (seen.push(e.reason), e.preventDefault());
    window.addEventListener('unhandledrejection', onRejection);
    try {
      const err = await el.updateComplete.then(
        () => null,
        (e: unknown) => e
      );
      expect(String(err)).to.include('boom');
      el.render = render;
      el.name = 'c';
      await el.updateComplete;
      expect(el.shadowRoot!.textContent).to.equal('c|3');
      expect(el.isUpdatePending).to.equal(false);
      await new Promise((r) => setTimeout(r, 20));
    } finally {
      window.removeEventListener('unhandledrejection', onRejection);
    }
    // the failed update's error is reported again (as Lit does), not swallowed
    expect(seen.map(String)).to.deep.equal(['Error: boom']);
  });
});
