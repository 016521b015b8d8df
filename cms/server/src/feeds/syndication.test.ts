import { parseFeed } from '@rowanmanning/feed-parser';
// feed-parser's own XML parser (a dependency of it): strict well-formedness checks.
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { feedEntries, renderFeed, type FeedInput } from './syndication';

const origin = 'https://commons.example';
const hostile = 'Café & <b>bold</b> ]]> twice ]]> "quotes" \u0001\u0008 😀';
/** the same without the control characters, which no format carries */
const clean = 'Café & <b>bold</b> ]]> twice ]]> "quotes"  😀';

const input = (): FeedInput => ({
  collection: 'practices',
  network: 'Xarxa & <Co>',
  locale: 'ca',
  origin,
  self: {
    rss: `${origin}/api/solidarity/feeds/practices.rss?topic=a&locale=ca`,
    atom: `${origin}/api/solidarity/feeds/practices.atom?topic=a&locale=ca`,
    json: `${origin}/api/solidarity/feeds/practices.json?topic=a&locale=ca`,
  },
  alternate: `${origin}/api/solidarity/practices?topic=a&locale=ca`,
  entries: feedEntries(
    'practices',
    [
      {
        documentId: 'doc1',
        slug: 'p',
        locale: 'en',
        localeFallback: true,
        url: `${origin}/practices/p?locale=ca&x="1"`,
        publishedAt: new Date('2026-01-01T00:00:00Z'),
        updatedAt: new Date('2026-01-02T00:00:00Z'),
        title: hostile,
        summary: hostile,
        body: [{ type: 'paragraph', children: [{ type: 'text', text: hostile }] }],
        topics: [{ slug: 'food', name: hostile }],
        promoters: [{ slug: 'o', name: hostile, website: 'https://o.example/?a=1&b=2' }],
        licence: 'CC-BY-4.0',
      },
      { documentId: 'doc2', url: 'not a url', title: null, summary: null, body: null },
    ],
    'ca',
    origin
  ),
});

describe('renderFeed with hostile text', () => {
  it.each(['rss', 'atom'] as const)('keeps %s well-formed and the text intact', (format) => {
    const xml = renderFeed(format, input());
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = parseFeed(xml);
    expect(feed.language).toBe('ca');
    expect(feed.self).toBe(input().self[format]);
    expect(feed.items).toHaveLength(2);
    const [first, second] = feed.items;
    expect(first?.title).toContain('Café & <b>bold</b>');
    expect(first?.title).toContain('😀');
    expect(first?.id).toBe('urn:solidarity:practice:doc1:ca');
    expect(first?.url).toBe(`${origin}/practices/p?locale=ca&x=%221%22`);
    expect(first?.authors[0]?.name).toContain('Café & <b>bold</b>');
    // no title: the document id; an unusable URL: the public page of the document
    expect(second?.title).toBe('doc2');
    expect(second?.url).toBe(`${origin}/embed/ca/practices/doc2`);
  });

  it('writes JSON Feed 1.1 with authors and languages', () => {
    const feed = JSON.parse(renderFeed('json', input())) as Record<string, unknown> & { items: Record<string, unknown>[] };
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.language).toBe('ca');
    expect(feed.authors).toEqual([{ name: 'Xarxa & <Co>', url: origin }]);
    expect(feed).not.toHaveProperty('author');
    const [first, second] = feed.items;
    expect(first).toMatchObject({
      id: 'urn:solidarity:practice:doc1:ca',
      language: 'en',
      title: clean,
      summary: clean,
      authors: [{ name: clean, url: 'https://o.example/?a=1&b=2' }],
      tags: [clean],
    });
    expect(String(first?.content_html)).toBe(
      '<p>Café &amp; &lt;b&gt;bold&lt;/b&gt; ]]&gt; twice ]]&gt; &quot;quotes&quot;  😀</p>'
    );
    expect(second).not.toHaveProperty('authors');
    expect(second?.content_html).toBe('<p>doc2</p>');
  });
});
