import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SELECTS } from '../../../../widgets/src/components/practices/controls';
import {
  bundleUrl,
  elementHtml,
  embedCode,
  embedPageUrl,
  iframeHtml,
  slugInLocale,
  escapeHtml,
  feedLinks,
  feedQuery,
  invalidThemeKeys,
  isCssColor,
  isFontFamily,
  LAYOUTS,
  normalizeBaseUrl,
  publicPageUrl,
  PRACTICE_CONTROLS,
  scriptTag,
  snippetHtml,
  FALLBACK_TEXT,
  styleAttribute,
  webcalUrl,
  WHEN,
  widgetAttributes,
  type EmbedSettings,
} from './snippet';

const BASE = 'https://commons.example.org';
const NASTY = ['x" onload="alert(1)', '<script>alert(1)</script>', '&amp;', "it's", 'a>b<c'];

/** Parses the single element of a snippet the way a browser would (attribute tokenizer, not a regexp on the raw text). */
const parseAttributes = (html: string): { tag: string; attrs: Record<string, string>; rest: string } => {
  const m = /^<([a-z-]+)((?:\s+[a-z-]+="[^"]*")*)><\/\1>$/.exec(html);
  if (!m) throw new Error(`not a single well-formed element: ${html}`);
  const attrs: Record<string, string> = {};
  for (const a of m[2].matchAll(/\s+([a-z-]+)="([^"]*)"/g)) {
    attrs[a[1]] = a[2].replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e] as string);
  }
  return { tag: m[1], attrs, rest: '' };
};

describe('escapeHtml', () => {
  it('escapes the five characters that matter in attributes and text', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
  it('escapes an already escaped entity again (it is data, not markup)', () => {
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });
});

describe('elementHtml', () => {
  it('writes the element of each widget with its attributes', () => {
    expect(elementHtml({ widget: 'sessions', locale: 'ca', topic: 'housing', when: 'upcoming' })).toBe(
      '<solidarity-sessions locale="ca" topic="housing" when="upcoming"></solidarity-sessions>'
    );
    expect(elementHtml({ widget: 'practice', slug: 'rebost-solidari', locale: 'es', topic: 'ignored' })).toBe(
      '<solidarity-practice slug="rebost-solidari" locale="es"></solidarity-practice>'
    );
    expect(
      elementHtml({ widget: 'practices', layout: 'grid', pageSize: 12, controls: ['search', 'topic', 'bogus'], criteria: 'youth', when: 'past' })
    ).toBe('<solidarity-practices criteria="youth" layout="grid" page-size="12" controls="topic,search"></solidarity-practices>');
    expect(elementHtml({ widget: 'statements', kind: 'open-call', layout: 'list', pageSize: 10 })).toBe(
      '<solidarity-statements kind="open-call"></solidarity-statements>'
    );
  });

  it('gives the submission form its call and an http(s) privacy notice only', () => {
    expect(elementHtml({ widget: 'submit', call: 'cost-of-living', privacyUrl: 'https://network.example/privacy?a=1&b="2"', topic: 'x' })).toBe(
      '<solidarity-submit-practice call="cost-of-living" privacy-url="https://network.example/privacy?a=1&amp;b=&quot;2&quot;"></solidarity-submit-practice>'
    );
    expect(elementHtml({ widget: 'submit', privacyUrl: 'javascript:alert(1)' })).toBe('<solidarity-submit-practice></solidarity-submit-practice>');
    expect(elementHtml({ widget: 'practices', privacyUrl: 'https://network.example/privacy' })).toBe('<solidarity-practices></solidarity-practices>');
  });

  it('clamps the page size like the widgets do', () => {
    expect(widgetAttributes({ widget: 'practices', pageSize: 500 })).toContainEqual(['page-size', '50']);
    expect(widgetAttributes({ widget: 'practices', pageSize: -3 }).find(([k]) => k === 'page-size')).toBeUndefined();
  });

  it('escapes every attribute value', () => {
    for (const value of NASTY) {
      const settings: EmbedSettings = {
        widget: 'practices',
        locale: value,
        topic: value,
        country: value,
        organisation: value,
        call: value,
        criteria: value,
        q: value,
      };
      const html = elementHtml(settings);
      expect(html).not.toMatch(/<script/i);
      // exactly one element, with the attributes it should have and no other
      const parsed = parseAttributes(html);
      expect(parsed.tag).toBe('solidarity-practices');
      expect(Object.keys(parsed.attrs).sort()).toEqual(['call', 'country', 'criteria', 'locale', 'organisation', 'q', 'topic']);
      // the values survive the round trip unchanged
      for (const v of Object.values(parsed.attrs)) expect(v).toBe(value.trim());
    }
  });

  it('keeps a topic slug with odd characters inside its attribute', () => {
    const html = elementHtml({ widget: 'sessions', topic: 'x" onload="alert(1)' });
    expect(html).toBe('<solidarity-sessions topic="x&quot; onload=&quot;alert(1)"></solidarity-sessions>');
    expect(html).not.toContain(' onload="');
    expect(elementHtml({ widget: 'sessions', topic: '<script>' })).toBe('<solidarity-sessions topic="&lt;script&gt;"></solidarity-sessions>');
    expect(elementHtml({ widget: 'sessions', topic: '&amp;' })).toBe('<solidarity-sessions topic="&amp;amp;"></solidarity-sessions>');
  });

  it('never takes the element name from the settings', () => {
    expect(() => elementHtml({ widget: 'x"><script>' as never })).toThrow();
  });
});

describe('the theme (style attribute)', () => {
  it('accepts real CSS colours', () => {
    for (const c of ['#0b6e4f', '#FFF', '#0b6e4f80', 'rgb(11, 110, 79)', 'rgba(0 0 0 / 50%)', 'hsl(160deg 82% 24%)', 'rebeccapurple', 'Red', 'oklch(60% 0.15 160)']) {
      expect(isCssColor(c), c).toBe(true);
    }
  });

  it('refuses anything that could carry another declaration or a URL', () => {
    for (const c of [
      'red; background:url(javascript:alert(1))',
      'red;',
      'url(https://evil.example/x.png)',
      'rgb(1,2,3); color: red',
      'expression(alert(1))',
      'var(--x)',
      'rgb(calc(1+2),0,0)',
      '#12345',
      'javascript',
      '"red"',
      'red }',
      '',
      'a'.repeat(100),
    ]) {
      expect(isCssColor(c), c).toBe(false);
    }
  });

  it('builds the style only from valid values and ignores the rest', () => {
    expect(
      styleAttribute({ accent: '#0b6e4f', text: 'red; background:url(javascript:alert(1))', surface: 'white', fontFamily: '"Source Sans 3", Arial, sans-serif' })
    ).toBe('--solidarity-color-accent: #0b6e4f; --solidarity-color-surface: white; --solidarity-font-family: "Source Sans 3", Arial, sans-serif');
    expect(invalidThemeKeys({ accent: '#0b6e4f', text: 'red; background:url(javascript:alert(1))', fontFamily: 'x; color: red' })).toEqual([
      'text',
      'fontFamily',
    ]);
    expect(styleAttribute({})).toBe('');
  });

  it('accepts font-family lists and refuses injections', () => {
    for (const f of ['Georgia, serif', '"Source Sans 3", sans-serif', "'Noto Sans Greek'", 'system-ui', '-apple-system, Roboto']) {
      expect(isFontFamily(f), f).toBe(true);
    }
    for (const f of ['Arial; color: red', 'x}', '"unbalanced, serif', 'a\\62 c', 'url(x)', 'Arial" onload="x', ',', '']) {
      expect(isFontFamily(f), f).toBe(false);
    }
  });

  it('writes the style escaped, as one attribute', () => {
    const html = elementHtml({ widget: 'statements', theme: { accent: '#123456', fontFamily: '"Fira Sans", sans-serif' } });
    expect(html).toBe(
      '<solidarity-statements style="--solidarity-color-accent: #123456; --solidarity-font-family: &quot;Fira Sans&quot;, sans-serif"></solidarity-statements>'
    );
    expect(parseAttributes(html).attrs.style).toBe('--solidarity-color-accent: #123456; --solidarity-font-family: "Fira Sans", sans-serif');
    const evil = elementHtml({ widget: 'statements', theme: { accent: 'red; background:url(javascript:alert(1))', text: '#000' } });
    expect(evil).toBe('<solidarity-statements style="--solidarity-color-text: #000"></solidarity-statements>');
    expect(evil).not.toContain('javascript');
  });
});

describe('script tag and snippet', () => {
  it('points at the public URL, normalised', () => {
    expect(bundleUrl('https://commons.example.org/')).toBe('https://commons.example.org/widgets/solidarity.js');
    expect(bundleUrl('https://example.org/commons//?x=1#y')).toBe('https://example.org/commons/widgets/solidarity.js');
    expect(scriptTag(BASE)).toBe('<script type="module" src="https://commons.example.org/widgets/solidarity.js"></script>');
    expect(() => normalizeBaseUrl('javascript:alert(1)')).toThrow();
  });

  it('escapes the bundle URL too', () => {
    expect(scriptTag('https://example.org/a"b<c')).not.toContain('"b<c');
  });

  it('is the script tag and the element, with a fallback link to the public page in the snippet’s language', () => {
    expect(snippetHtml(BASE, { widget: 'sessions', locale: 'ca', topic: 'housing', when: 'upcoming' })).toBe(
      '<script type="module" src="https://commons.example.org/widgets/solidarity.js"></script>\n' +
        '<solidarity-sessions locale="ca" topic="housing" when="upcoming"><a href="https://commons.example.org/embed/ca/sessions?topic=housing&amp;when=upcoming">Mostra-ho a Solidarity Commons</a></solidarity-sessions>'
    );
    expect(snippetHtml(BASE, { widget: 'practice', slug: 'a"b', locale: 'el-GR' })).toContain(
      '<solidarity-practice slug="a&quot;b" locale="el-GR"><a href="https://commons.example.org/embed/el-GR/practices/a%22b">Δείτε το στο Solidarity Commons</a></solidarity-practice>'
    );
    expect(snippetHtml(BASE, { widget: 'statements', locale: 'xx' })).toContain('>View on Solidarity Commons</a></solidarity-statements>');
    // no locale: a path the server redirects to its default locale; the form points to its call's practices
    expect(publicPageUrl(BASE, { widget: 'statements', kind: 'open-call' })).toBe(`${BASE}/embed/statements?kind=open-call`);
    expect(publicPageUrl(BASE, { widget: 'submit', call: 'crida-2026', locale: 'ca' })).toBe(`${BASE}/embed/ca/practices?call=crida-2026`);
    expect(publicPageUrl(BASE, { widget: 'practices', topic: 'a b&c', q: 'é' })).toBe(`${BASE}/embed/practices?topic=a+b%26c&q=%C3%A9`);
    for (const l of ['en', 'ca', 'es', 'el', 'fr']) expect(FALLBACK_TEXT[l]).toBeTruthy();
  });
});

describe('feed and calendar links', () => {
  it('gives RSS, Atom and JSON Feed for practices and statements, with the same filters', () => {
    expect(feedLinks(BASE, { widget: 'practices', topic: 'housing', locale: 'ca', layout: 'grid' })).toEqual([
      { format: 'rss', url: `${BASE}/api/solidarity/feeds/practices.rss?locale=ca&topic=housing` },
      { format: 'atom', url: `${BASE}/api/solidarity/feeds/practices.atom?locale=ca&topic=housing` },
      { format: 'json', url: `${BASE}/api/solidarity/feeds/practices.json?locale=ca&topic=housing` },
    ]);
    expect(feedLinks(BASE, { widget: 'statements', kind: 'open-call' })[0].url).toBe(`${BASE}/api/solidarity/feeds/statements.rss?kind=open-call`);
  });

  it('URL-encodes the query parameters', () => {
    const [rss] = feedLinks(BASE, { widget: 'practices', topic: 'x" onload="alert(1)', q: 'a&b=c d/é', locale: 'ca' });
    const url = new URL(rss.url);
    expect(url.searchParams.get('topic')).toBe('x" onload="alert(1)');
    expect(url.searchParams.get('q')).toBe('a&b=c d/é');
    expect(rss.url).not.toContain('"');
    expect(rss.url).not.toContain(' ');
    expect(rss.url).toContain('q=a%26b%3Dc+d%2F%C3%A9');
    expect(feedQuery({ widget: 'practices', topic: '<script>' })).toBe('topic=%3Cscript%3E');
  });

  it('gives the .ics file and its webcal:// subscription for sessions', () => {
    expect(feedLinks(BASE, { widget: 'sessions', topic: 'housing', locale: 'el', when: 'past', kind: 'webinar' })).toEqual([
      { format: 'ics', url: `${BASE}/api/solidarity/sessions.ics?kind=webinar&locale=el&topic=housing` },
      { format: 'webcal', url: `webcal://commons.example.org/api/solidarity/sessions.ics?kind=webinar&locale=el&topic=housing` },
    ]);
    expect(feedLinks('http://localhost:1337', { widget: 'sessions' })).toEqual([
      { format: 'ics', url: 'http://localhost:1337/api/solidarity/sessions.ics' },
      { format: 'webcal', url: 'webcal://localhost:1337/api/solidarity/sessions.ics' },
    ]);
  });

  it('derives webcal from https and http', () => {
    expect(webcalUrl('https://a.example/x.ics')).toBe('webcal://a.example/x.ics');
    expect(webcalUrl('http://a.example/x.ics')).toBe('webcal://a.example/x.ics');
  });

  it('has none for one practice or the submission form', () => {
    expect(feedLinks(BASE, { widget: 'practice', slug: 'x' })).toEqual([]);
    expect(feedLinks(BASE, { widget: 'submit', call: 'x' })).toEqual([]);
  });
});

describe('the code the Embed page shows (embedCode)', () => {
  it('is the snippet and the feed links of the same settings', () => {
    const s: EmbedSettings = { widget: 'statements', locale: 'fr', kind: 'open-call' };
    expect(embedCode(BASE, s)).toEqual({ snippet: snippetHtml(BASE, s), feeds: feedLinks(BASE, s), pageUrl: embedPageUrl(BASE, s), iframe: iframeHtml(BASE, s) });
    expect(embedCode(BASE, s).feeds).toHaveLength(3);
  });

  it('is empty while the public URL is unknown', () => {
    expect(embedCode('', { widget: 'practices' })).toEqual({ snippet: '', feeds: [], pageUrl: '', iframe: '' });
  });

  it('says why instead of throwing, as an HTML comment, with no links', () => {
    expect(embedCode('ftp://files.example', { widget: 'sessions' })).toEqual({ snippet: '<!-- Not an http(s) URL: ftp://files.example -->', feeds: [], pageUrl: '', iframe: '' });
    expect(embedCode(BASE, { widget: 'carousel' as EmbedSettings['widget'] })).toEqual({ snippet: '<!-- Unknown widget: carousel -->', feeds: [], pageUrl: '', iframe: '' });
  });

  it('links a snippet that follows the page’s language to the public page in the server’s default language', () => {
    const code = embedCode(BASE, { widget: 'practice', slug: 'rebost', locale: '' }, 'ca');
    expect(code.snippet).toContain('<solidarity-practice slug="rebost"><a href="https://commons.example.org/embed/ca/practices/rebost">Mostra-ho a Solidarity Commons</a></solidarity-practice>');
    expect(code.snippet).not.toContain('locale=');
    // a chosen locale wins over the default
    expect(embedCode(BASE, { widget: 'practice', slug: 'rebost', locale: 'fr' }, 'ca').snippet).toContain(`href="${BASE}/embed/fr/practices/rebost"`);
  });

  it('gives the public page’s address and an iframe of it (WordPress paste-a-URL, iframe-only site builders), none for the form', () => {
    const list = embedCode(BASE, { widget: 'sessions', locale: 'ca', topic: 'housing', when: 'past', layout: 'grid' }, 'en');
    expect(list.pageUrl).toBe(`${BASE}/embed/ca/sessions?topic=housing&when=past`);
    expect(list.iframe).toBe(
      `<iframe src="${BASE}/embed/ca/sessions?topic=housing&amp;when=past" title="Solidarity Commons" loading="lazy" style="width: 100%; height: 600px; border: 0"></iframe>`
    );
    const one = embedCode(BASE, { widget: 'practice', slug: 'a"b<c' }, 'el');
    expect(one.pageUrl).toBe(`${BASE}/embed/el/practices/a%22b%3Cc`);
    expect(one.iframe).toContain('height: 400px');
    expect(one.iframe).not.toMatch(/a"b|<c/);
    expect(embedCode(BASE, { widget: 'submit', call: 'x' }, 'en')).toMatchObject({ pageUrl: '', iframe: '' });
  });
});

describe('slugs in the chosen locale (slugInLocale)', () => {
  const catalan = [
    { slug: 'crida-2026', documentId: 'doc-call' },
    { slug: 'altra-crida', documentId: 'doc-other' },
  ];
  it('names the chosen locale’s slug of the same document', () => {
    expect(slugInLocale('call-2026', 'doc-call', catalan)).toBe('crida-2026');
  });
  it('keeps the slug when the document has no text in that locale or is unknown', () => {
    expect(slugInLocale('call-2026', 'doc-missing', catalan)).toBe('call-2026');
    expect(slugInLocale('call-2026', undefined, catalan)).toBe('call-2026');
    expect(slugInLocale('', 'doc-call', catalan)).toBe('');
  });
});

/** The values of attribute `name` as a widget's source documents them (`@attr {'a'|'b'} name`, its public API). */
const documentedValues = (widgetSource: string, name: string): string[] => {
  const text = readFileSync(new URL(`../../../../widgets/src/${widgetSource}`, import.meta.url), 'utf8');
  const m = new RegExp(`@attr \\{([^}]+)\\} ${name} `).exec(text);
  return m ? [...m[1].matchAll(/'([^']+)'/g)].map((v) => v[1]) : [];
};

describe("the builder's lists are the widgets' own", () => {
  it('offers the visitor controls <solidarity-practices> renders', () => {
    expect([...PRACTICE_CONTROLS]).toEqual([...SELECTS.map(([control]) => control), 'search']);
  });

  it('offers the layouts and `when` values the widgets document', () => {
    expect([...LAYOUTS]).toEqual(documentedValues('internal/list.ts', 'layout'));
    expect([...WHEN]).toEqual(documentedValues('components/sessions/sessions.component.ts', 'when'));
  });
});
