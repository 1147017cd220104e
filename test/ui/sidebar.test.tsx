import 'fake-indexeddb/auto';
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { parseFile } from '../parse-file';
import { REAL_DIR } from '../shared-paths';
import { press, renderLibrary, SEED } from './render-app';
import { allPapers } from '../stored-papers';
import { SOURCES_SHOWN } from '../../renderer/ui/shown-sources';

const DAILY = `${REAL_DIR}daily-arXiv-ai-enhanced/2026-07-01.jsonl`;

/** The seed listing seen first, the daily feed a day later: the daily feed is the newer source. */
const library = () =>
  renderLibrary([parseFile(SEED, { seenAt: new Date('2026-07-01T08:00:00Z') }), parseFile(DAILY, { seenAt: new Date('2026-07-02T08:00:00Z') })]);

const nav = () => document.querySelector<HTMLElement>('nav[aria-label="Library"]')!;
const section = (title: string) => [...nav().querySelectorAll('section')].find((each) => each.querySelector('h2')?.textContent === title)!;
const buttonsIn = (element: Element) => [...element.querySelectorAll<HTMLButtonElement>('ul button')];
const rowCount = () => document.querySelectorAll('[role="listitem"]').length;
const click = (button: HTMLButtonElement) => act(() => button.click());
/** Types into a field as a user would: React hears the input event. */
const fill = (field: HTMLInputElement, value: string) =>
  act(() => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(field, value);
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
const sourceLabels = () => buttonsIn(section('Sources')).map((button) => button.querySelector('.sidebar-label')!.textContent);

describe('the sidebar', () => {
  it('lists the sources newest first and the categories by archive, with names and unread counts', async () => {
    const { db } = await library();
    await vi.waitFor(() => expect(buttonsIn(section('Sources'))).toHaveLength(2));
    expect(buttonsIn(section('Sources')).map((button) => button.querySelector('.sidebar-label')?.textContent)).toEqual([
      '2026-07-01.jsonl',
      '000_0d76c9f6c8fe1248.txt',
    ]);

    const papers = await allPapers(db);
    const groups = [...section('Categories').querySelectorAll('[role="group"]')].map((group) => group.querySelector('h3')?.textContent);
    expect(groups[0]).toBe('Computer Science');
    expect(groups).toContain('Electrical Engineering and Systems Science');
    const cl = buttonsIn(section('Categories')).find((button) => button.textContent?.startsWith('cs.CL'))!;
    const inCl = papers.filter((paper) => paper.categories.includes('cs.CL'));
    expect(cl.textContent).toBe(`cs.CL — Computation and Language ${inCl.length} unread`);
    expect(cl.title).toBe(`cs.CL — Computation and Language: ${inCl.length} unread of ${inCl.length}`);
    // Every category a paper carries has its entry, and no other.
    const listed = buttonsIn(section('Categories')).map((button) => button.querySelector('.sidebar-label')!.textContent!.split(' — ')[0]);
    expect(new Set(listed)).toEqual(new Set(papers.flatMap((paper) => paper.categories)));
  });

  it('narrows the list to a category, counts down as papers are read, and lets the category go when chosen again', async () => {
    const { db } = await library();
    const category = () => buttonsIn(section('Categories')).find((button) => button.textContent?.startsWith('cs.CL'))!;
    await vi.waitFor(() => expect(category()).toBeDefined());
    const inCl = (await allPapers(db)).filter((paper) => paper.categories.includes('cs.CL'));
    const all = rowCount();
    click(category());
    await vi.waitFor(() => expect(document.querySelector('[role="listitem"]')?.getAttribute('aria-setsize')).toBe(String(inCl.length)));
    expect(category().getAttribute('aria-pressed')).toBe('true');
    expect(document.querySelector('.narrowed')?.textContent).toContain('cs.CL — Computation and Language');

    press('j');
    await vi.waitFor(() => expect(category().querySelector('.count')?.textContent).toBe(`${inCl.length - 1} unread`));
    click(category());
    await vi.waitFor(() => expect(rowCount()).toBe(all));
    expect(category().getAttribute('aria-pressed')).toBe('false');
  });

  it('past 50 files, lists the newest with a field that finds the others by name, keeps the chosen one in view, and stays one Tab stop as the list changes', async () => {
    const FILES = SOURCES_SHOWN + 10;
    const name = (file: number) => `feed-${String(file).padStart(2, '0')}.txt`;
    // Each file one paper of the seed, a minute newer than the one before.
    const oneEach = Array.from({ length: FILES }, (_unused, file) => {
      const batch = parseFile(SEED, { name: name(file), seenAt: new Date(Date.UTC(2026, 6, 1, 0, file)) });
      const hash = `many-${file}`;
      return { ...batch, hash, papers: batch.papers.slice(file, file + 1).map((paper) => ({ ...paper, listings: paper.listings.map((listing) => ({ ...listing, hash })) })) };
    });
    await renderLibrary(oneEach);
    await vi.waitFor(() => expect(buttonsIn(section('Sources'))).toHaveLength(SOURCES_SHOWN));
    expect(sourceLabels()).toEqual(Array.from({ length: SOURCES_SHOWN }, (_unused, index) => name(FILES - 1 - index)));
    const status = () => section('Sources').querySelector('[role="status"]')!.textContent;
    expect(status()).toBe(`The newest ${SOURCES_SHOWN} of ${FILES}; type to find others.`);

    const field = section('Sources').querySelector<HTMLInputElement>('input[type="search"]')!;
    expect(field.getAttribute('aria-label')).toBe('Find a file');
    fill(field, 'FEED-0');
    expect(sourceLabels()).toEqual(['feed-09.txt', 'feed-08.txt', 'feed-07.txt', 'feed-06.txt', 'feed-05.txt', 'feed-04.txt', 'feed-03.txt', 'feed-02.txt', 'feed-01.txt', 'feed-00.txt']);
    expect(status()).toBe('');
    click(buttonsIn(section('Sources')).find((button) => button.textContent?.startsWith('feed-03.txt'))!);
    await vi.waitFor(() => expect(rowCount()).toBe(1));

    fill(field, '');
    expect(sourceLabels()[0]).toBe('feed-03.txt');
    expect(sourceLabels()).toHaveLength(SOURCES_SHOWN + 1);
    expect(buttonsIn(nav()).filter((button) => button.tabIndex === 0)).toHaveLength(1);
    fill(field, 'no such file');
    expect(sourceLabels()).toEqual(['feed-03.txt']);
    expect(status()).toBe('No file’s name holds that.');
  });

  it('is one Tab stop, moved through with the arrow keys', async () => {
    await library();
    await vi.waitFor(() => expect(buttonsIn(section('Sources'))).toHaveLength(2));
    const stops = () => [...nav().querySelectorAll<HTMLButtonElement>('button')].filter((button) => button.tabIndex === 0);
    expect(stops().map((button) => button.textContent)).toEqual([expect.stringMatching(/^All \d+$/u)]);
    act(() => stops()[0]!.focus());
    act(() => {
      document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, cancelable: true }));
    });
    expect(document.activeElement?.textContent).toMatch(/^Unread \d+$/u);
    expect(stops()).toEqual([document.activeElement]);
    act(() => {
      document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true, cancelable: true }));
    });
    expect(document.activeElement).toBe(buttonsIn(section('Categories')).at(-1));
  });

  it('folds a section away and remembers it', async () => {
    const { services } = await library();
    const toggle = () => section('Categories').querySelector<HTMLButtonElement>('h2 button')!;
    expect(toggle().getAttribute('aria-expanded')).toBe('true');
    click(toggle());
    expect(toggle().getAttribute('aria-expanded')).toBe('false');
    expect(buttonsIn(section('Categories'))).toHaveLength(0);
    expect(services.layout.get().categoriesOpen).toBe(false);
  });
});

describe('the list order', () => {
  it('groups papers under day headers, newest day first, and turns over with "oldest first"', async () => {
    await library();
    const headers = () => [...document.querySelectorAll('[role="listitem"] .day-header')].map((header) => header.textContent);
    await vi.waitFor(() => expect(headers().length).toBeGreaterThan(0));
    const newest = headers();
    const sort = document.querySelector<HTMLSelectElement>('.view-controls select')!;
    expect(sort.value).toBe('newest');
    expect([...sort.options].find((option) => option.value === 'relevance')?.disabled).toBe(true);
    act(() => {
      sort.value = 'oldest';
      sort.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await vi.waitFor(() => expect(headers()[0]).not.toBe(newest[0]));
    expect(new Set(headers()).size).toBe(headers().length);
  });
});
