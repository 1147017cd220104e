import 'fake-indexeddb/auto';
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { storeBatch } from '../../renderer/db/library-writer';
import { parseFile, parseText } from '../parse-file';
import { press, renderLibrary, SEED } from './render-app';

const readerTitle = () => document.querySelector('#reader-title')?.textContent ?? null;
const pressed = (name: string) => document.querySelector(`.reader-actions button[aria-pressed]`) && [...document.querySelectorAll<HTMLButtonElement>('.reader-actions button')].find((button) => button.textContent === name);

describe('keyboard triage in the window', () => {
  it('opens, stars, marks and undoes with keys alone, wherever focus is', async () => {
    const { db } = await renderLibrary();
    press('j');
    await vi.waitFor(() => expect(readerTitle()).not.toBeNull());
    const first = (await db.states.where('read').equals(1).primaryKeys()) as string[];
    expect(first).toHaveLength(1);
    const title = readerTitle();

    press('s');
    await vi.waitFor(async () => expect((await db.states.get(first[0]!))?.starred).toBe(1));
    await vi.waitFor(() => expect(pressed('Unstar')).toBeDefined());
    press('m');
    await vi.waitFor(async () => expect((await db.states.get(first[0]!))?.read).toBe(0));
    press('z');
    await vi.waitFor(async () => expect((await db.states.get(first[0]!))?.read).toBe(1));
    press('j');
    await vi.waitFor(() => expect(readerTitle()).not.toBe(title));
    expect(await db.states.where('read').equals(1).count()).toBe(2);
  });

  it('keeps an opened paper in Unread until the view changes, so j goes on to the next', async () => {
    await renderLibrary();
    const unreadCount = () => document.querySelector('[data-testid="count-unread"]')?.textContent;
    press('u');
    await vi.waitFor(() => expect(document.querySelector('.sidebar-views [aria-pressed="true"]')?.textContent).toMatch(/^Unread \d+$/u));
    press('j');
    await vi.waitFor(() => expect(readerTitle()).not.toBeNull());
    const firstTitle = readerTitle();
    await vi.waitFor(() => expect(unreadCount()).toBe('59'));
    press('j');
    await vi.waitFor(() => expect(readerTitle()).not.toBe(firstTitle));
    press('k');
    await vi.waitFor(() => expect(readerTitle()).toBe(firstTitle));
  });

  it('marks the whole view read with Shift+A, and takes it back with one z', async () => {
    const { db, newestFirst } = await renderLibrary();
    press('A', true);
    await vi.waitFor(async () => expect(await db.states.where('read').equals(1).count()).toBe(newestFirst.length));
    press('z');
    await vi.waitFor(async () => expect(await db.states.where('read').equals(1).count()).toBe(0));
  });

  it('leaves the search box with Esc, clearing it, and / comes back to it', async () => {
    await renderLibrary();
    const search = document.querySelector<HTMLInputElement>('input[type="search"]')!;
    press('/');
    await vi.waitFor(() => expect(document.activeElement).toBe(search));
    act(() => {
      search.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true, cancelable: true }));
    });
    expect(readerTitle()).toBeNull();
    act(() => {
      search.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    });
    expect(document.activeElement).not.toBe(search);
    press('/');
    await vi.waitFor(() => expect(document.activeElement).toBe(search));
  });

  it('opens the dialog "Keyboard shortcuts" with ?, listing every command', async () => {
    await renderLibrary();
    press('?');
    const dialog = document.querySelector('dialog');
    await vi.waitFor(() => expect(dialog?.open).toBe(true));
    expect(dialog?.querySelector('h2')?.textContent).toBe('Keyboard shortcuts');
    expect(dialog?.textContent).toContain('g then u');
    expect(dialog?.textContent).toContain('Shift+A');
  });
});

describe('the papers on screen', () => {
  it('follow a stored batch that lists the open paper again, without a live query', async () => {
    const { services } = await renderLibrary();
    press('j');
    await vi.waitFor(() => expect(readerTitle()).not.toBeNull());
    const sources = () => [...document.querySelectorAll('.reader-sources li')].length;
    const before = sources();
    const seed = parseFile(SEED);
    const again = { ...seed, file: 'again.txt', hash: 'again', papers: seed.papers.map((paper) => ({ ...paper, listings: paper.listings.map((listing) => ({ ...listing, file: 'again.txt', hash: 'again' })) })) };
    await act(async () => {
      services.changes.publish(await storeBatch(services.db, again));
    });
    await vi.waitFor(() => expect(sources()).toBe(before + 1));
  });
});

describe('the list of files that could not be read', () => {
  it('names each bad file with its reason, and lets each error be dismissed', async () => {
    const { db } = await renderLibrary();
    const bad = parseText('this is not a feed', 'notes.txt');
    await act(async () => {
      await storeBatch(db, bad);
    });
    await vi.waitFor(() => expect(document.querySelector('.file-errors li')?.textContent).toContain('notes.txt'));
    act(() => document.querySelector<HTMLButtonElement>('button[aria-label="Dismiss the error for notes.txt"]')!.click());
    await vi.waitFor(() => expect(document.querySelector('.file-errors')).toBeNull());
    expect((await db.sources.get(bad.hash))?.errors).toEqual([]);
  });
});
