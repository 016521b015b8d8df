import { describe, expect, it } from 'vitest';
import { NO_ORGANISATION, organisationOfChoice, ownScoresMode, yourAssessment } from './status';
import type { CallAssessment, Phase, Score } from './types';

const conflict = { organisation: { documentId: 'org1', name: 'Ajuntament de Manlleu' } };
const scores: Score[] = [{ criterion: 0, score: 2, comment: 'good' }];
const view = (phase: Phase, member: boolean, assess = true): Pick<CallAssessment, 'call' | 'me'> =>
  ({ call: { phase }, me: { member, can: { assess, decide: false, readScores: false } } }) as Pick<CallAssessment, 'call' | 'me'>;

describe('assessment page: your assessment', () => {
  it('says "not on the commission" to an admin who is not on it, never "to score"', () => {
    expect(yourAssessment({ member: false }, { conflict: null, scored: false })).toBe('not-member');
    expect(yourAssessment({ member: false }, { conflict, scored: false })).toBe('not-member');
    expect(yourAssessment({ member: true }, { conflict: null, scored: false })).toBe('todo');
    expect(yourAssessment({ member: true }, { conflict: null, scored: true })).toBe('scored');
    expect(yourAssessment({ member: true }, { conflict, scored: false })).toBe('conflict');
  });

  it('shows a member their own scores in every phase: the form during the assessment, read-only after', () => {
    expect(ownScoresMode(view('assessment', true), { conflict: null, myScores: scores })).toBe('form');
    expect(ownScoresMode(view('results', true), { conflict: null, myScores: scores })).toBe('read-only');
    expect(ownScoresMode(view('results', true), { conflict: null, myScores: [] })).toBe('none');
    expect(ownScoresMode(view('assessment', true), { conflict, myScores: [] })).toBe('none');
    expect(ownScoresMode(view('assessment', false), { conflict: null, myScores: [] })).toBe('none');
    expect(ownScoresMode(view('open', true), { conflict: null, myScores: [] })).toBe('none');
  });

  it('sends no organisation for the "None" choice of the Organisation select, whose value is not empty', () => {
    expect(NO_ORGANISATION).not.toBe('');
    expect(organisationOfChoice(NO_ORGANISATION)).toBeNull();
    expect(organisationOfChoice('')).toBeNull();
    expect(organisationOfChoice('abc123')).toBe('abc123');
  });
});
