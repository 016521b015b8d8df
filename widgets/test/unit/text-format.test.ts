import { describe, expect, it } from 'vitest';
import { day, months, past, when, whenLocal } from '../../src/internal/format.js';
import { blocksText } from '../../src/internal/text.js';
import { richBody } from '../fixtures/practices.js';

describe('blocksText', () => {
  it('extracts the text of Strapi blocks, one line per block', () => {
    const t = blocksText(richBody);
    expect(t.split('\n')[0]).toBe(
      'The food bank is run by the neighbours themselves, with no charity logic and shared rules (the old model is gone). Stock is tracked with stock.csv. Read the model or write to the team.'
    );
    expect(t).toContain('How it works');
    expect(t).toContain('Monday: collection from local farms');
    expect(t).toContain('households: 412\nkg_rescued_2025: 38200');
  });

  it('survives junk', () => {
    expect(blocksText(null)).toBe('');
    expect(blocksText('x')).toBe('');
    expect(blocksText([null, 3, { type: 'paragraph' }, { type: 'text' }])).toBe('\n\n\n');
  });
});

describe('dates', () => {
  const start = '2026-05-12T14:00:00.000Z',
    end = '2026-05-12T15:30:00.000Z';

  // ICU versions differ in small ways (", " or " at ", thin spaces around dashes): compare loosely
  it('shows a session in its own time zone, with the zone', () => {
    expect(when(start, end, 'Europe/Madrid', 'en')).toMatch(/^Tuesday,? 12 May 2026(,| at) 16:00\s?–\s?17:30 CEST$/);
    expect(when(start, end, 'Europe/Athens', 'el')).toMatch(/Τρίτη 12 Μαΐου 2026.*5:00.*6:30.*(EEST|GMT\+3|ΘΕΩ)/);
    expect(when(start, null, 'America/New_York', 'en')).toMatch(/^Tuesday,? 12 May 2026(,| at) 10:00 (EDT|GMT-4)$/);
    expect(when(start, end, 'Europe/Madrid', 'ca')).toMatch(/^dimarts, 12 de maig del? 2026/);
  });

  it('falls back to UTC for an unknown zone and ignores a bad end', () => {
    expect(when(start, 'not a date', 'Mars/Olympus', 'en')).toMatch(/^Tuesday,? 12 May 2026(,| at) 14:00 UTC$/);
    expect(when(start, '2026-05-12T13:00:00.000Z', null, 'en')).toMatch(/^Tuesday,? 12 May 2026(,| at) 14:00 UTC$/);
    expect(when('garbage', end, 'Europe/Madrid', 'en')).toBe('');
  });

  it('formats calendar dates without shifting the day', () => {
    expect(day('2026-01-15', 'en')).toBe('15 January 2026');
    expect(day('2026-01-15', 'fr')).toBe('15 janvier 2026');
    expect(day('2024-03-31T21:59:59.000Z', 'es')).toBe('31 de marzo de 2024');
    expect(day(null, 'en')).toBe('');
    expect(day('soon', 'en')).toBe('');
  });

  it('formats periods of months', () => {
    expect(months('2016-01-10', '2023-06-30', 'en')).toMatch(/^January 2016\s–\sJune 2023$/);
    expect(months('2020-04-01', null, 'ca')).toBe('abril del 2020');
    expect(months(null, null, 'en')).toBe('');
  });

  it('tells past instants', () => {
    expect(past('2000-01-01T00:00:00Z')).toBe(true);
    expect(past('2999-01-01T00:00:00Z')).toBe(false);
    expect(past(null)).toBe(false);
  });
});

describe('whenLocal', () => {
  const start = '2026-05-12T14:00:00Z',
    end = '2026-05-12T15:30:00Z';
  it('gives the time in the visitor’s zone when its clock differs from the session’s', () => {
    expect(whenLocal(start, end, 'Europe/Madrid', 'en', 'America/New_York')).toBe(when(start, end, 'America/New_York', 'en'));
    expect(whenLocal(start, end, 'Europe/Madrid', 'en', 'America/New_York')).toMatch(/10:00.+11:30/);
  });
  it('is empty for the same zone, or another zone with the same clock', () => {
    expect(whenLocal(start, end, 'Europe/Madrid', 'en', 'Europe/Madrid')).toBe('');
    expect(whenLocal(start, end, 'Europe/Madrid', 'en', 'Europe/Paris')).toBe('');
    expect(whenLocal('not a date', end, 'Europe/Madrid', 'en', 'Asia/Tokyo')).toBe('');
  });
  it('reads an unknown session zone as UTC', () => {
    expect(whenLocal(start, null, 'Not/AZone', 'en', 'UTC')).toBe('');
    expect(whenLocal(start, null, 'Not/AZone', 'en', 'Asia/Tokyo')).toMatch(/23:00/);
  });
});
