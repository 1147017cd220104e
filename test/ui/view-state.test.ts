import { describe, expect, it } from 'vitest';
import { INITIAL_VIEW, viewReducer, type ViewState } from '../../renderer/ui/view-state';

const apply = (state: ViewState, ...actions: Parameters<typeof viewReducer>[1][]) => actions.reduce(viewReducer, state);

describe('the view state', () => {
  it('keeps each paper opened in a view until the view changes', () => {
    const unread = apply(INITIAL_VIEW, { type: 'filter', filter: 'unread' }, { type: 'select', id: 'a' }, { type: 'select', id: 'b' });
    expect(unread.selectedId).toBe('b');
    expect([...unread.kept]).toEqual(['a', 'b']);
    for (const change of [
      { type: 'filter', filter: 'starred' },
      { type: 'query', query: 'graph' },
      { type: 'source', source: 'cs.xml' },
      { type: 'category', category: 'cs.CL' },
    ] as const) {
      expect(viewReducer(unread, change).kept.size, change.type).toBe(0);
    }
  });

  it('leaves the kept papers alone when the same view is chosen again, or the order changes', () => {
    const unread = apply(INITIAL_VIEW, { type: 'filter', filter: 'unread' }, { type: 'select', id: 'a' });
    expect(viewReducer(unread, { type: 'filter', filter: 'unread' })).toBe(unread);
    expect([...apply(unread, { type: 'sort', sort: 'oldest' }).kept]).toEqual(['a']);
  });
});
