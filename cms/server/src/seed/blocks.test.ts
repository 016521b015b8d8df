import { describe, expect, it } from 'vitest';
import { blocksToText, markupToBlocks } from './blocks';
import { zonedToUtc } from './time';

describe('markupToBlocks', () => {
  it('turns paragraphs, headings, lists, quotes and links into Strapi blocks', () => {
    const blocks = markupToBlocks(
      '## What we did\n\nA food bank run by [volunteers](https://example.org/v).\n\n- first\n- second\n\n1. one\n2. two\n\n> said the mayor'
    );
    expect(blocks).toEqual([
      { type: 'heading', level: 2, children: [{ type: 'text', text: 'What we did' }] },
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'A food bank run by ' },
          { type: 'link', url: 'https://example.org/v', children: [{ type: 'text', text: 'volunteers' }] },
          { type: 'text', text: '.' },
        ],
      },
      {
        type: 'list',
        format: 'unordered',
        children: [
          { type: 'list-item', children: [{ type: 'text', text: 'first' }] },
          { type: 'list-item', children: [{ type: 'text', text: 'second' }] },
        ],
      },
      {
        type: 'list',
        format: 'ordered',
        children: [
          { type: 'list-item', children: [{ type: 'text', text: 'one' }] },
          { type: 'list-item', children: [{ type: 'text', text: 'two' }] },
        ],
      },
      { type: 'quote', children: [{ type: 'text', text: 'said the mayor' }] },
    ]);
    expect(blocksToText(blocks)).toContain('A food bank run by volunteers.');
    expect(blocksToText(blocks)).toContain('first\nsecond');
  });

  it('does not make links of other schemes', () => {
    const [block] = markupToBlocks('[x](javascript:alert(1))');
    expect(block).toEqual({ type: 'paragraph', children: [{ type: 'text', text: '[x](javascript:alert(1))' }] });
  });
});

describe('zonedToUtc', () => {
  it('converts wall-clock time in a zone, across daylight saving', () => {
    expect(zonedToUtc('2026-01-15', '17:00', 'Europe/Madrid').toISOString()).toBe('2026-01-15T16:00:00.000Z');
    expect(zonedToUtc('2026-07-15', '17:00', 'Europe/Madrid').toISOString()).toBe('2026-07-15T15:00:00.000Z');
    expect(zonedToUtc('2026-07-15', '10:30', 'Europe/Athens').toISOString()).toBe('2026-07-15T07:30:00.000Z');
  });
});
