import { describe, expect, it } from 'vitest';
import { matchSummary } from '../renderer/ui/match-summary';

describe('the search summary', () => {
  it('counts the matches of an answered query, with thousands separated', () => {
    expect(matchSummary(' tokenizer ', { count: 1, indexReady: true })).toBe('1 paper matches “tokenizer”');
    expect(matchSummary('learning', { count: 16325, indexReady: true })).toBe('16,325 papers match “learning”');
    expect(matchSummary('zorblax', { count: 0, indexReady: true })).toBe('0 papers match “zorblax”');
  });

  it('says "not yet" rather than none while the index is still loading, and counts what it has found so far', () => {
    expect(matchSummary('graph', { count: 0, indexReady: false })).toBe('No papers match “graph” yet');
    expect(matchSummary('graph', { count: 12, indexReady: false })).toBe('12 papers match “graph”');
  });

  it('says it is searching until the answer is for this query', () => {
    expect(matchSummary('graph', null)).toBe('Searching…');
  });
});
