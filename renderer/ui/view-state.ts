import type { Filter } from './filters';

/** Browsing lists newest or oldest first; a search may also rank by relevance. */
export type DateOrder = 'newest' | 'oldest';
export type SortOrder = DateOrder | 'relevance';

/** The pane a narrow window shows: below 600 px one at a time, below 900 px the sidebar over the list. */
export type Pane = 'sidebar' | 'list' | 'reader';

/** Everything that decides what the window shows: one reducer instead of a state hook per field. */
export interface ViewState {
  filter: Filter;
  query: string;
  /** The order without a query. */
  browseSort: DateOrder;
  /** The order of search results: a choice of its own, so that clearing a search returns to the browsing order. */
  searchSort: SortOrder;
  source: string | null;
  category: string | null;
  selectedId: string | null;
  /**
   * Papers opened in this view. They stay in it until the view changes, so that in Unread a paper
   * marked read on opening does not vanish under the reader, and j keeps moving forward.
   */
  kept: ReadonlySet<string>;
  pane: Pane;
}

export type ViewAction =
  | { type: 'filter'; filter: Filter }
  | { type: 'query'; query: string }
  | { type: 'sort'; sort: SortOrder }
  | { type: 'source'; source: string | null }
  | { type: 'category'; category: string | null }
  | { type: 'select'; id: string | null }
  | { type: 'pane'; pane: Pane };

export const INITIAL_VIEW: ViewState = {
  filter: 'all',
  query: '',
  browseSort: 'newest',
  searchSort: 'relevance',
  source: null,
  category: null,
  selectedId: null,
  kept: new Set(),
  pane: 'list',
};

const NOTHING_KEPT: ReadonlySet<string> = new Set();

/** A new view: nothing kept from the last one, and the list in sight. */
const newView = (state: ViewState, change: Partial<ViewState>): ViewState => ({ ...state, ...change, kept: NOTHING_KEPT, pane: 'list' });

export function viewReducer(state: ViewState, action: ViewAction): ViewState {
  switch (action.type) {
    case 'filter':
      return state.filter === action.filter && state.pane !== 'sidebar' ? state : newView(state, { filter: action.filter });
    case 'query':
      return { ...state, query: action.query, kept: NOTHING_KEPT };
    case 'sort':
      if (isSearching(state)) return { ...state, searchSort: action.sort };
      return action.sort === 'relevance' ? state : { ...state, browseSort: action.sort };
    case 'source':
      return newView(state, { source: action.source });
    case 'category':
      return newView(state, { category: action.category });
    case 'select':
      if (action.id === null) return { ...state, selectedId: null };
      return {
        ...state,
        selectedId: action.id,
        kept: state.kept.has(action.id) ? state.kept : new Set([...state.kept, action.id]),
        pane: 'reader',
      };
    case 'pane':
      return state.pane === action.pane ? state : { ...state, pane: action.pane };
  }
}

export const isSearching = (state: ViewState) => state.query.trim() !== '';

/** The order the list is in now: relevance only ranks a search. */
export const sortInEffect = (state: ViewState): SortOrder => (isSearching(state) ? state.searchSort : state.browseSort);

/** What the view shows, in words, for the name of a file exported from it: "starred cs.CL search graph". */
export function viewName(state: ViewState): string {
  return [state.filter, state.category, state.source, isSearching(state) ? `search ${state.query.trim()}` : null].filter(Boolean).join(' ');
}
