import type { Filter } from './filters';
import type { SortOrder } from './use-library';

/** Everything that decides what the window shows: one reducer instead of a state hook per field. */
export interface ViewState {
  filter: Filter;
  query: string;
  sort: SortOrder;
  source: string | null;
  category: string | null;
  selectedId: string | null;
  /**
   * Papers opened in this view. They stay in it until the view changes, so that in Unread a paper
   * marked read on opening does not vanish under the reader, and j keeps moving forward.
   */
  kept: ReadonlySet<string>;
}

export type ViewAction =
  | { type: 'filter'; filter: Filter }
  | { type: 'query'; query: string }
  | { type: 'sort'; sort: SortOrder }
  | { type: 'source'; source: string | null }
  | { type: 'category'; category: string | null }
  | { type: 'select'; id: string | null };

export const INITIAL_VIEW: ViewState = {
  filter: 'all',
  query: '',
  sort: 'relevance',
  source: null,
  category: null,
  selectedId: null,
  kept: new Set(),
};

const NOTHING_KEPT: ReadonlySet<string> = new Set();

export function viewReducer(state: ViewState, action: ViewAction): ViewState {
  switch (action.type) {
    case 'filter':
      return state.filter === action.filter ? state : { ...state, filter: action.filter, kept: NOTHING_KEPT };
    case 'query':
      return { ...state, query: action.query, kept: NOTHING_KEPT };
    case 'sort':
      return { ...state, sort: action.sort };
    case 'source':
      return { ...state, source: action.source, kept: NOTHING_KEPT };
    case 'category':
      return { ...state, category: action.category, kept: NOTHING_KEPT };
    case 'select':
      if (action.id === null) return { ...state, selectedId: null };
      return { ...state, selectedId: action.id, kept: state.kept.has(action.id) ? state.kept : new Set([...state.kept, action.id]) };
  }
}

export const isSearching = (state: ViewState) => state.query.trim() !== '';

/** What the view shows, in words, for the name of a file exported from it: "starred cs.CL search graph". */
export function viewName(state: ViewState): string {
  return [state.filter, state.category, state.source, isSearching(state) ? `search ${state.query.trim()}` : null].filter(Boolean).join(' ');
}
