import { useCallback, useEffect, useEffectEvent, useLayoutEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { CommandContext } from '../commands/command-context';
import { commandById, openPaper, type Command } from '../commands/registry';
import { useKeyboardCommands } from '../commands/use-keyboard-commands';
import { MARK_READ_DELAY_MS } from '../settings/settings-store';
import { useLayout, useMarkSets, useServices, useSettings } from './app-context';
import { EmptyState } from './EmptyState';
import { LibraryOpening } from './LibraryOpening';
import { ErrorBoundary } from './ErrorBoundary';
import { ExportMenu } from './ExportMenu';
import { ImportDropZone } from './ImportDropZone';
import { FileErrors } from './FileErrors';
import { FolderBar } from './FolderBar';
import { PaneResizer } from './PaneResizer';
import { PaperList } from './PaperList';
import { Reader } from './Reader';
import { SearchSummary } from './SearchSummary';
import { SettingsDialog } from './SettingsDialog';
import { ShortcutSheet } from './ShortcutSheet';
import { Sidebar } from './Sidebar';
import { useExport } from './use-export';
import { useImport } from './use-import';
import { useLibraryView, useOpenPaper } from './use-library';
import { useMarkActions } from './use-mark-actions';
import { useSearch } from './use-search';
import type { Filter } from './filters';
import { INITIAL_VIEW, isSearching, sortInEffect, viewName, viewReducer } from './view-state';
import { ViewControls } from './ViewControls';

export function App() {
  const { status, bridge } = useServices();
  const [state, dispatch] = useReducer(viewReducer, INITIAL_VIEW);
  const [dialog, setDialog] = useState<'shortcuts' | 'settings' | null>(null);
  const [exportRequest, setExportRequest] = useState(0);
  const settings = useSettings();
  const exportPapers = useExport();
  const importer = useImport();
  const searchBox = useRef<HTMLInputElement>(null);
  const reader = useRef<HTMLElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const marks = useMarkActions();
  const search = useSearch(state.query);
  const markSets = useMarkSets();
  const sort = sortInEffect(state);
  const view = useLibraryView({ ...state, sort, marks: markSets, searchIds: search.ids });
  const layout = useLayout();
  const selected = useOpenPaper(state.selectedId);

  const context: CommandContext = {
    state,
    dispatch,
    ids: view?.ids ?? [],
    isRead: (id) => view?.isRead(id) ?? false,
    isStarred: (id) => view?.isStarred(id) ?? false,
    selected,
    setMarks: marks.set,
    canUndo: marks.canUndo,
    undo: marks.undo,
    focusSearch: () => {
      searchBox.current?.focus();
      searchBox.current?.select();
    },
    pageReader: () => pageDown(reader.current),
    openExternal: (url) => window.open(url, '_blank', 'noopener,noreferrer'),
    showShortcuts: () => setDialog('shortcuts'),
    showSettings: () => setDialog('settings'),
    openExport: () => setExportRequest((count) => count + 1),
    importFiles: importer.openPicker,
    markReadOnOpen: settings.markRead === 'on-open',
  };
  const attempt = (label: string, action: () => void | Promise<void>) => {
    Promise.resolve()
      .then(action)
      .catch((error: unknown) => status.update({ notice: `${label} failed: ${error instanceof Error ? error.message : String(error)}` }));
  };
  const run = (command: Command) => {
    if (command.enabled(context)) attempt(command.label, () => command.run(context));
  };
  // The desktop app's menu items arrive as command ids; an effect event runs them with the latest render's context.
  const runMenuCommand = useEffectEvent(run);
  useEffect(() => bridge.on('command', ({ id }) => runMenuCommand(commandById(id))), [bridge]);
  useKeyboardCommands(run, (field) => {
    if (field === searchBox.current) dispatch({ type: 'query', query: '' });
    (field as HTMLElement).blur();
    list.current?.querySelector<HTMLElement>('[tabindex="0"]')?.focus();
  });

  // "After 2 seconds": a paper counts as read once it has stayed open that long.
  const { selectedId } = state;
  useEffect(() => {
    if (settings.markRead !== 'after-delay' || selectedId === null || view?.isRead(selectedId)) return;
    const timer = setTimeout(() => void marks.set([selectedId], 'read', true), MARK_READ_DELAY_MS);
    return () => clearTimeout(timer);
  }, [settings.markRead, selectedId, marks, view]);
  useLayoutEffect(() => {
    document.documentElement.style.setProperty('--sidebar-width', `${layout.sidebarWidth}px`);
    document.documentElement.style.setProperty('--list-width', `${layout.listWidth}px`);
  }, [layout.sidebarWidth, layout.listWidth]);
  useEffect(() => {
    if (settings.theme === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = settings.theme;
  }, [settings.theme]);

  // Stable while the numbers are, so that the memoised sidebar skips the renders a key press makes.
  const { today, all, unread, starred } = view?.counts ?? {};
  const counts = useMemo(
    () => (today === undefined ? undefined : { today, all: all!, unread: unread!, starred: starred! }),
    [today, all, unread, starred],
  );
  const chooseFilter = useCallback((filter: Filter) => dispatch({ type: 'filter', filter }), []);
  const chooseSource = useCallback((source: string | null) => dispatch({ type: 'source', source }), []);
  const chooseCategory = useCallback((category: string | null) => dispatch({ type: 'category', category }), []);

  const isEmpty = view?.counts?.all === 0;
  // A narrow window shows one pane at a time: the reader only once a paper is open.
  const pane = state.pane === 'reader' && state.selectedId === null ? 'list' : state.pane;
  return (
    <div className="app" data-pane={pane}>
      <a className="skip-link" href="#reader">
        Skip to reader
      </a>
      <header className="top-bar">
        <button
          type="button"
          className="library-toggle"
          aria-expanded={pane === 'sidebar'}
          aria-controls="library"
          onClick={() => dispatch({ type: 'pane', pane: pane === 'sidebar' ? 'list' : 'sidebar' })}
        >
          Library
        </button>
        <h1 className="brand">Paperdrop</h1>
        <input
          ref={searchBox}
          type="search"
          className="search"
          aria-label="Search papers"
          placeholder='Search — "a phrase", author:name, cat:cs.CL, -word, an arXiv id'
          value={state.query}
          onChange={(event) => dispatch({ type: 'query', query: event.target.value })}
        />
        <div className="top-actions">
          <ExportMenu
            label="Export"
            openRequest={exportRequest}
            onExport={(format) => attempt('Export', () => exportPapers(format, view?.ids ?? [], viewName(state)))}
          />
          <button type="button" className="settings-button" onClick={() => setDialog('settings')}>
            Settings
          </button>
          <button type="button" className="help-button" aria-label="Keyboard shortcuts" onClick={() => setDialog('shortcuts')}>
            ?
          </button>
        </div>
      </header>
      <FolderBar />
      <FileErrors />
      <div className="panes">
        <Sidebar
          filter={state.filter}
          counts={counts}
          source={state.source}
          category={state.category}
          marks={markSets}
          onFilter={chooseFilter}
          onSource={chooseSource}
          onCategory={chooseCategory}
        />
        <PaneResizer pane="sidebarWidth" label="Resize the library" />
        <main className="content">
          {isEmpty ? (
            <EmptyState />
          ) : (
            <>
              <div className="list-pane">
                <ViewControls
                  searching={isSearching(state)}
                  sort={sort}
                  onSort={(order) => dispatch({ type: 'sort', sort: order })}
                  source={state.source}
                  onSource={chooseSource}
                  category={state.category}
                  onCategory={chooseCategory}
                />
                {isSearching(state) && <SearchSummary query={state.query} search={search} view={view} />}
                {view === undefined && <LibraryOpening />}
                <PaperList
                  ref={list}
                  ids={view?.ids ?? []}
                  days={view?.days ?? null}
                  terms={search.terms}
                  selectedId={state.selectedId}
                  onSelect={(id) => attempt('Opening the paper', () => openPaper(context, id))}
                />
              </div>
              <PaneResizer pane="listWidth" label="Resize the list" />
              <div className="reader-pane">
                <button type="button" className="back-to-list" onClick={() => dispatch({ type: 'pane', pane: 'list' })}>
                  ← Papers
                </button>
                <ErrorBoundary label="This paper" resetKey={state.selectedId}>
                  <Reader
                    ref={reader}
                    item={selected}
                    terms={search.terms}
                    onCommand={run}
                    onExport={(format, paper) => attempt('Export', () => exportPapers(format, [paper.id], paper.title))}
                  />
                </ErrorBoundary>
              </div>
            </>
          )}
        </main>
      </div>
      <ShortcutSheet open={dialog === 'shortcuts'} onClose={() => setDialog(null)} />
      <SettingsDialog open={dialog === 'settings'} onClose={() => setDialog(null)} />
      <ImportDropZone importer={importer} />
    </div>
  );
}

/** Scrolls an element down by most of its height; false when it was already at its end. */
function pageDown(element: HTMLElement | null): boolean {
  if (!element || element.scrollTop + element.clientHeight >= element.scrollHeight - 2) return false;
  element.scrollBy({ top: element.clientHeight * 0.9 });
  return true;
}
