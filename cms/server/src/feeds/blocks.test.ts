import { describe, expect, it } from 'vitest';
import { blocksToHtml, blocksToPlainText, escapeHtml, safeUrl, xmlSafe } from './blocks';

const text = (t: string, marks: Record<string, boolean> = {}) => ({ type: 'text', text: t, ...marks });
const link = (url: string, label: string) => ({ type: 'link', url, children: [text(label)] });
const p = (...children: unknown[]) => ({ type: 'paragraph', children });

describe('blocksToHtml', () => {
  it('escapes every text and keeps the structure', () => {
    const html = blocksToHtml([
      { type: 'heading', level: 3, children: [text('A & B <i>')] },
      p(text('"quoted" \'single\' <img src=x onerror=alert(1)>'), text('bold', { bold: true }), text('it', { italic: true })),
      { type: 'quote', children: [text('Quote')] },
      { type: 'code', children: [text('if (a < b) {}')] },
      {
        type: 'list',
        format: 'ordered',
        children: [
          { type: 'list-item', children: [text('one')] },
          { type: 'list', format: 'unordered', children: [{ type: 'list-item', children: [text('nested')] }] },
        ],
      },
    ]);
    expect(html).toBe(
      [
        '<h3>A &amp; B &lt;i&gt;</h3>',
        '<p>&quot;quoted&quot; &#39;single&#39; &lt;img src=x onerror=alert(1)&gt;<strong>bold</strong><em>it</em></p>',
        '<blockquote><p>Quote</p></blockquote>',
        '<pre><code>if (a &lt; b) {}</code></pre>',
        '<ol><li>one</li><ul><li>nested</li></ul></ol>',
      ].join('\n')
    );
  });

  it('keeps only http, https and mailto links', () => {
    const html = blocksToHtml([
      p(
        link('javascript:alert(1)', 'js'),
        link(' JaVaScRiPt:alert(1)', 'js2'),
        link('java\tscript:alert(1)', 'js3'),
        link('data:text/html,<script>x</script>', 'data'),
        link('vbscript:x', 'vb'),
        link('tel:+34900', 'tel'),
        link('https://ok.example/a?b=1&c="2"', 'ok'),
        link('mailto:info@network.example', 'mail'),
        link('/uploads/file.pdf', 'relative')
      ),
    ], { origin: 'https://commons.example' });
    expect(html).not.toMatch(/javascript|data:|vbscript|tel:/i);
    expect(html).toMatch(/^<p>jsjs2js3datavbtel<a /); // unsafe links keep their label as text
    expect(html).toContain('<a href="https://ok.example/a?b=1&amp;c=%222%22">ok</a>');
    expect(html).toContain('<a href="mailto:info@network.example">mail</a>');
    expect(html).toContain('<a href="https://commons.example/uploads/file.pdf">relative</a>');
    expect(html.match(/<a /g)).toHaveLength(3);
  });

  it('renders images with http(s) sources only, and survives junk', () => {
    expect(
      blocksToHtml([{ type: 'image', image: { url: '/uploads/a.png', alternativeText: 'A "map"' }, children: [] }], {
        origin: 'https://commons.example',
      })
    ).toBe('<p><img src="https://commons.example/uploads/a.png" alt="A &quot;map&quot;"></p>');
    expect(blocksToHtml([{ type: 'image', image: { url: 'javascript:x' } }])).toBe('');
    expect(blocksToHtml(null)).toBe('');
    expect(blocksToHtml('not blocks')).toBe('');
    expect(blocksToHtml([null, 3, 'x', { type: 'mystery', children: [text('kept')] }])).toBe('<p>kept</p>');
  });

  it('removes characters XML cannot carry', () => {
    expect(escapeHtml('a\u0000b\u0008c\u000Bd\uFFFEe\uD800f')).toBe('abcdef');
    expect(xmlSafe('tab\tnewline\nemoji 😀')).toBe('tab\tnewline\nemoji 😀');
  });
});

describe('blocksToPlainText', () => {
  it('writes paragraphs, lists and links as plain text', () => {
    expect(
      blocksToPlainText([
        { type: 'heading', level: 2, children: [text('Title')] },
        p(text('See '), link('https://x.example/', 'the site'), text(' or '), link('https://y.example/', 'https://y.example/')),
        {
          type: 'list',
          format: 'unordered',
          children: [
            { type: 'list-item', children: [text('a')] },
            { type: 'list-item', children: [text('b')] },
          ],
        },
        { type: 'list', format: 'ordered', children: [{ type: 'list-item', children: [text('first')] }] },
        p(link('javascript:alert(1)', 'label only')),
        p(text('   ')),
      ])
    ).toBe('Title\n\nSee the site (https://x.example/) or https://y.example/\n\n- a\n- b\n\n1. first\n\nlabel only');
  });
});

describe('safeUrl', () => {
  it('accepts absolute http(s)/mailto URLs and resolves relative ones against a base', () => {
    expect(safeUrl('https://a.example')).toBe('https://a.example/');
    expect(safeUrl('/x', 'https://a.example')).toBe('https://a.example/x');
    expect(safeUrl('/x')).toBeNull();
    expect(safeUrl('ftp://a.example')).toBeNull();
    expect(safeUrl(42)).toBeNull();
  });
});
