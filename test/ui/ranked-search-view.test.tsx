import 'fake-indexeddb/auto';
import { act, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it, vi } from 'vitest';
import { storeBatch } from '../../renderer/db/library-writer';
import { PaperdropDatabase } from '../../renderer/db/database';
import { StoredChanges } from '../../renderer/sync/stored-changes';
import { AppContext, type AppServices } from '../../renderer/ui/app-context';
import type { Filter } from '../../renderer/ui/filters';
import { useLibraryView, type LibraryView } from '../../renderer/ui/use-library';
import { holdReads } from '../held-reads';
import { parseFile } from '../parse-file';
import { searchClientOnStandIn } from '../search-worker-stand-in';
import { SEED } from './render-app';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const NO_MARKS = { read: new Set<string>(), starred: new Set<string>() };
const KEPT = new Set<string>();

interface ProbeProps {
  searchIds: string[] | null;
  sort: 'relevance' | 'newest';
  filter?: Filter;
  shown: (view: LibraryView | undefined) => void;
}

function Probe({ searchIds, sort, filter = 'all', shown }: ProbeProps): ReactNode {
  shown(useLibraryView({ marks: NO_MARKS, filter, searchIds, sort, source: null, category: null, kept: KEPT }));
  return null;
}

describe('a search in rank order at a start', () => {
  it("shows its results before the list's order is read, and leaves out papers no longer stored once it is", async () => {
    const db = new PaperdropDatabase(`ranked-${Math.random()}`);
    const { written } = await storeBatch(db, parseFile(SEED));
    // The order log takes a while to read at a start: its reads are held until released.
    db.close();
    const release = holdReads(db, (table) => table === 'orderLog');
    await db.open();
    const ranked = [written[3]!.id, 'arxiv:0000.00000', written[0]!.id];
    const views: Record<'relevance' | 'newest', LibraryView | undefined> = { relevance: undefined, newest: undefined };
    const root = createRoot(document.createElement('div'));
    const services = { db, changes: new StoredChanges(), search: searchClientOnStandIn().search } as unknown as AppServices;
    act(() =>
      root.render(
        <AppContext.Provider value={services}>
          <Probe searchIds={ranked} sort="relevance" shown={(view) => (views.relevance = view)} />
          <Probe searchIds={ranked} sort="newest" shown={(view) => (views.newest = view)} />
        </AppContext.Provider>,
      ),
    );
    await vi.waitFor(() => expect(views.relevance?.ids).toEqual(ranked));
    expect(views.relevance!.counts).toBeNull();
    // In date order the results need the order.
    expect(views.newest).toBeUndefined();

    await act(async () => release());
    await vi.waitFor(() => expect(views.relevance?.ids).toEqual([written[3]!.id, written[0]!.id]));
    expect(views.relevance!.counts!.all).toBe(written.length);
    await vi.waitFor(() => expect(views.newest?.ids).toHaveLength(2));
    act(() => root.unmount());
    await db.delete();
  });

  it('puts the list in order only once a search typed meanwhile has matches, or once the box is emptied', async () => {
    const db = new PaperdropDatabase(`ranked-${Math.random()}`);
    const { written } = await storeBatch(db, parseFile(SEED));
    const { search, worker } = searchClientOnStandIn();
    const services = { db, changes: new StoredChanges(), search } as unknown as AppServices;
    const render = () => {
      let view: LibraryView | undefined;
      const root = createRoot(document.createElement('div'));
      act(() =>
        root.render(
          <AppContext.Provider value={services}>
            <Probe searchIds={null} sort="newest" shown={(shown) => (view = shown)} />
          </AppContext.Provider>,
        ),
      );
      return { view: () => view, unmount: () => act(() => root.unmount()) };
    };

    search.ask('zero shot tokenizer');
    const searching = render();
    // Long enough for the log to be read and put in order, were nothing waiting.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(searching.view()).toBeUndefined();
    await act(async () => worker.reply({ type: 'results', seq: 1, ids: [written[0]!.id], terms: [] }));
    await vi.waitFor(() => expect(searching.view()?.ids).toHaveLength(written.length));
    searching.unmount();

    search.ask('no such paper');
    const emptied = render();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(emptied.view()).toBeUndefined();
    await act(async () => search.ask(''));
    await vi.waitFor(() => expect(emptied.view()?.ids).toHaveLength(written.length));
    emptied.unmount();
    await db.delete();
  });

  it("reads today's papers, which after an import are all of it, only once a search typed meanwhile has matches", async () => {
    const db = new PaperdropDatabase(`ranked-${Math.random()}`);
    const { written } = await storeBatch(db, parseFile(SEED, { seenAt: new Date() }));
    const { search, worker } = searchClientOnStandIn();
    const services = { db, changes: new StoredChanges(), search } as unknown as AppServices;
    search.ask('zero shot tokenizer');
    const ranked = [written[0]!.id];
    let view: LibraryView | undefined;
    const root = createRoot(document.createElement('div'));
    // The Today view needs them for its results: it shows how long they wait.
    act(() =>
      root.render(
        <AppContext.Provider value={services}>
          <Probe searchIds={ranked} sort="relevance" filter="today" shown={(shown) => (view = shown)} />
        </AppContext.Provider>,
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(view).toBeUndefined();
    await act(async () => worker.reply({ type: 'results', seq: 1, ids: ranked, terms: [] }));
    await vi.waitFor(() => expect(view?.ids).toEqual(ranked));
    act(() => root.unmount());
    await db.delete();
  });
});
