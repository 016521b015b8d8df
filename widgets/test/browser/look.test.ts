/** Isolation from the host page, theming, forced colors and narrow (zoomed) viewports. */
import { expect, fixture } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import '../../src/solidarity.js';
import { fakeApi, freshApi, restoreFetch } from '../fake-api.js';
import { $, $$, settled } from '../helpers.js';

type W = HTMLElement & { updateComplete: Promise<unknown> };

const hostile = `
  * { box-sizing: content-box !important; margin: 3em; }
  body { font-family: Georgia, serif; text-transform: uppercase; text-align: center; letter-spacing: .3em; line-height: 3; }
  h3 { color: rgb(255, 0, 0); text-transform: uppercase; font-size: 40px; }
  a { color: rgb(255, 0, 255) !important; }
  button { background: rgb(255, 105, 180); width: 20px; }
  ul, li, article { all: revert; display: inline; }
`;

describe('look and isolation', () => {
  let style: HTMLStyleElement;
  before(() => {
    style = document.createElement('style');
    style.textContent = hostile;
    document.head.append(style);
  });
  after(() => style.remove());
  afterEach(() => restoreFetch());

  it('is not broken by the host theme, and does not style the host', async () => {
    fakeApi();
    const wrap = await fixture(`<div><h3 id="host-h3">Host heading</h3><solidarity-practices api="${freshApi()}" page-size="2"></solidarity-practices></div>`);
    const el = wrap.querySelector<W>('solidarity-practices')!;
    await settled(el);
    const h = $(el, '[part~=card] h3')!;
    const cs = getComputedStyle(h);
    expect(cs.color).to.not.equal('rgb(255, 0, 0)');
    expect(cs.textTransform).to.equal('none');
    expect(cs.fontFamily).to.match(/Georgia/); // the host font is inherited
    expect(getComputedStyle($(el, '[part~=card]')!).textAlign).to.equal('start');
    expect(getComputedStyle($(el, '[part~=card]')!).boxSizing).to.equal('border-box');
    expect(getComputedStyle($(el, 'button[part~=open]')!).backgroundColor).to.not.equal('rgb(255, 105, 180)');
    expect(getComputedStyle(wrap.querySelector('#host-h3')!).color).to.equal('rgb(255, 0, 0)');
  });

  it('keeps its text as it is when a theme styles every element (a `*` rule matches the host too)', async () => {
    fakeApi();
    const star = document.createElement('style');
    star.textContent = `* { color: rgb(255, 0, 255); text-transform: uppercase; letter-spacing: 3px; line-height: 3; text-align: center; white-space: pre; }`;
    document.head.append(star);
    try {
      for (const tag of ['solidarity-practices', 'solidarity-statements', 'solidarity-submit-practice']) {
        const el = await fixture<W>(`<${tag} api="${freshApi()}" page-size="2"></${tag}>`);
        await settled(el);
        const texts = [...el.shadowRoot!.querySelectorAll<HTMLElement>('p, li, span, label')].filter((e) => e.textContent?.trim());
        expect(texts.length, tag).to.be.greaterThan(0);
        for (const t of texts) {
          const cs = getComputedStyle(t);
          expect(cs.color, `${tag} ${t.outerHTML.slice(0, 60)}`).to.not.equal('rgb(255, 0, 255)');
          expect(cs.textTransform, tag).to.equal('none');
          expect(cs.letterSpacing, tag).to.equal('normal');
          expect(cs.textAlign, tag).to.equal('start');
          expect(cs.whiteSpace, tag).to.not.equal('pre');
        }
      }
    } finally {
      star.remove();
    }
  });

  it('is themed by --solidarity-* custom properties and ::part()', async () => {
    fakeApi();
    const css = document.createElement('style');
    css.textContent = `
      .themed { --solidarity-color-accent: rgb(10, 20, 30); --solidarity-radius: 0px; --solidarity-font-family: monospace; }
      .themed::part(card) { background: rgb(1, 2, 3); }
      .themed::part(title) { letter-spacing: 2px; }`;
    document.head.append(css);
    const el = await fixture<W>(`<solidarity-statements class="themed" api="${freshApi()}"></solidarity-statements>`);
    await settled(el);
    const card = $(el, '[part~=card]')!;
    expect(getComputedStyle(card).backgroundColor).to.equal('rgb(1, 2, 3)');
    expect(getComputedStyle(card).borderTopLeftRadius).to.equal('0px');
    expect(getComputedStyle(card).fontFamily).to.equal('monospace');
    expect(getComputedStyle($(el, '[part~=title]')!).letterSpacing).to.equal('2px');
    expect(getComputedStyle($(el, '[part~=kind]')!).backgroundColor).to.equal('rgb(10, 20, 30)');
    css.remove();
  });
});

describe('forced colors and zoom', () => {
  afterEach(async () => {
    restoreFetch();
    await emulateMedia({ forcedColors: 'none' });
    await setViewport({ width: 1024, height: 768 });
  });

  it('stays visible and accessible in forced-colors mode', async () => {
    const api = fakeApi();
    api.hold();
    await emulateMedia({ forcedColors: 'active' });
    const el = await fixture<W>(`<solidarity-practices api="${freshApi()}" page-size="2"></solidarity-practices>`);
    await el.updateComplete;
    const bar = $(el, '.sk i')!;
    expect(getComputedStyle(bar).backgroundColor).to.not.equal('rgba(0, 0, 0, 0)');
    api.release();
    await settled(el);
    expect(getComputedStyle($(el, '[part~=card]')!).borderTopStyle).to.equal('solid');
    await expect(el).to.be.accessible();
  });

  it('wraps without horizontal scrolling at 200% zoom (320 CSS px wide)', async () => {
    fakeApi();
    await setViewport({ width: 320, height: 700 });
    const wrap = await fixture(`<div style="margin:0;width:100%">
      <solidarity-practices api="${freshApi()}" layout="grid" controls="topic,country,search" page-size="3"></solidarity-practices>
      <solidarity-sessions api="${freshApi()}"></solidarity-sessions>
      <solidarity-statements api="${freshApi()}"></solidarity-statements></div>`);
    const els = [...wrap.children] as W[];
    for (const el of els) await settled(el);
    for (const el of els) {
      for (const node of $$(el, '[part~=card], form, nav, [part~=subscribe]')) {
        expect(node.scrollWidth, `${el.localName} ${node.className}`).to.be.at.most(node.clientWidth + 1);
        expect(node.getBoundingClientRect().right, `${el.localName} ${node.className}`).to.be.at.most(321);
      }
    }
  });
});
