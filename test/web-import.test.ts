import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { IMPORT_CHUNK_BYTES, MAX_IMPORT_BYTES } from '../shared/import-limits';
import type { IngestBatch, Paper } from '../shared/paper';
import type { WireMessage } from '../shared/ipc';
import { renderArxivRss } from './bench/arxiv-feeds';
import type { CorpusRecord } from './bench/corpus-reader';
import { REAL_DIR } from './shared-paths';
import { TEST_TOKEN, testWebServerForEach } from './test-web-server';

const TOKEN = TEST_TOKEN;
const running = testWebServerForEach({ stableMs: 200, pollMs: 50 });

/** A tab's socket: calls by id, and the batches main sends, papers joined back to them. */
async function connect() {
  const socket = await new Promise<WebSocket>((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${running.server.port}/${TOKEN}/ws`, { headers: { origin: `http://127.0.0.1:${running.server.port}` } });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
  let nextId = 1;
  const results = new Map<number, (message: WireMessage) => void>();
  const batches: IngestBatch[] = [];
  const papersAhead = new Map<string, Paper[]>();
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as WireMessage;
    if (message.kind === 'result') results.get(message.id)?.(message);
    if (message.kind === 'papers') papersAhead.set(message.hash, [...(papersAhead.get(message.hash) ?? []), ...message.papers]);
    if (message.kind === 'event' && message.channel === 'batch') {
      const batch = message.payload as IngestBatch;
      batches.push({ ...batch, papers: [...(papersAhead.get(batch.hash) ?? []), ...batch.papers] });
    }
  });
  const call = (channel: string, ...args: unknown[]) =>
    new Promise<WireMessage & { kind: 'result' }>((resolve) => {
      const id = nextId++;
      results.set(id, resolve as (message: WireMessage) => void);
      socket.send(JSON.stringify({ kind: 'invoke', id, channel, args }));
    });
  const value = async (channel: string, ...args: unknown[]) => {
    const result = await call(channel, ...args);
    if (!result.ok) throw new Error(result.error);
    return result.value as never;
  };
  return { socket, call, value, batches };
}

/**
 * 8,000 records of real papers: those of the daily listing crawls in test/fixtures/feeds/real, over and over, each
 * time under new arXiv ids.
 */
function realRecords(count = 8000): CorpusRecord[] {
  const lines = ['2025-03-18.jsonl', '2026-07-01.jsonl'].flatMap((name) => readFileSync(`${REAL_DIR}daily-arXiv-ai-enhanced/${name}`, 'utf8').trim().split('\n'));
  const papers = lines.map((line) => JSON.parse(line) as { title: string; summary: string; authors: string[]; categories: string[] });
  return Array.from({ length: count }, (_, index) => {
    const { title, summary, authors, categories } = papers[index % papers.length]!;
    const id = `2401.${String(index + 1).padStart(5, '0')}`;
    return { id, title, abstract: summary, authors, published: '2024-01-02', categories, source_repo: 'dw-dengwei/daily-arXiv-ai-enhanced' };
  });
}

/** A saved arXiv RSS listing of real papers, larger than `bytes`. */
async function arxivListing(bytes: number): Promise<{ feed: Buffer; papers: number }> {
  const records = realRecords();
  const feed = Buffer.from(renderArxivRss(records, 'cs.CL'));
  expect(feed.length).toBeGreaterThan(bytes);
  return { feed, papers: records.length };
}

const chunksOf = (bytes: Buffer) => {
  const chunks: { offset: number; data: string }[] = [];
  for (let offset = 0; offset < bytes.length; offset += IMPORT_CHUNK_BYTES) {
    chunks.push({ offset, data: bytes.subarray(offset, offset + IMPORT_CHUNK_BYTES).toString('base64') });
  }
  return chunks;
};

describe('importing through the web mode WebSocket', () => {
  it('lands a file of several chunks in the watched folder, and the watcher ingests it', async () => {
    const tab = await connect();
    try {
      await tab.value('hello', { knownHashes: [] });
      const { feed, papers } = await arxivListing(IMPORT_CHUNK_BYTES * 2);
      const { uploadId } = await tab.value('importBegin', { name: '../../outside/cs.CL.xml', size: feed.length });
      const chunks = chunksOf(feed);
      expect(chunks.length).toBeGreaterThanOrEqual(3);
      for (const chunk of chunks) await tab.value('importChunk', { uploadId, ...chunk });
      const result: { name: string; hash: string; alreadyStored: boolean } = await tab.value('importEnd', { uploadId });
      expect(result.name).toBe('cs.CL.xml');
      expect(result.alreadyStored).toBe(false);
      expect(await readdir(running.folder)).toEqual(['cs.CL.xml']);
      expect((await readFile(join(running.folder, 'cs.CL.xml'))).equals(feed)).toBe(true);
      await expect.poll(() => tab.batches.find((batch) => batch.hash === result.hash), { timeout: 15_000 }).toBeTruthy();
      const batch = tab.batches.find((each) => each.hash === result.hash)!;
      expect(batch.file).toBe('cs.CL.xml');
      expect(batch.errors).toEqual([]);
      expect(batch.papers.length).toBe(papers);
      await tab.value('stored', { hash: result.hash });

      // The same content again: a second name, and this tab says it holds it already.
      const again = await tab.value('importBegin', { name: 'cs.CL.xml', size: feed.length });
      for (const chunk of chunks) await tab.value('importChunk', { ...(again as object), ...chunk });
      expect(await tab.value('importEnd', again)).toEqual({ name: 'cs.CL (2).xml', hash: result.hash, alreadyStored: true });
    } finally {
      tab.socket.close();
    }
  });

  it('refuses oversize files, chunks off the contract and too many uploads, with errors naming the file', async () => {
    const tab = await connect();
    try {
      await expect(tab.value('importBegin', { name: 'huge.xml', size: MAX_IMPORT_BYTES + 1 })).rejects.toThrow(
        '"huge.xml" is 50 MB: files over 50 MB are not imported',
      );
      await expect(tab.value('importChunk', { uploadId: 'x', offset: 0, data: 'A'.repeat(6_000_000) })).rejects.toThrow(
        'Bad arguments for importChunk',
      );
      await expect(tab.value('importChunk', { uploadId: 'nope', offset: 0, data: 'YWJj' })).rejects.toThrow('No such import');
      const open: { uploadId: string }[] = [];
      for (let index = 0; index < 4; index += 1) open.push(await tab.value('importBegin', { name: `f${index}.xml`, size: 8 }));
      await expect(tab.value('importBegin', { name: 'f4.xml', size: 8 })).rejects.toThrow('too many imports at once');
      const { uploadId } = open[0]!;
      await expect(tab.value('importChunk', { uploadId, offset: 0, data: 'YWJjZGVmZ2hpamts' })).rejects.toThrow(
        'Importing "f0.xml" failed: a chunk past its announced size',
      );
      // Still serving the other uploads and calls.
      await tab.value('importChunk', { ...open[1]!, offset: 0, data: 'PHJzcy8+AAA=' });
      expect((await readdir(running.folder)).filter((name) => name.startsWith('.paperdrop-import-'))).toHaveLength(3);
    } finally {
      tab.socket.close();
    }
  });

  it('leaves no file behind when the tab disconnects mid-upload', async () => {
    const tab = await connect();
    const size = IMPORT_CHUNK_BYTES + 100;
    const { uploadId } = await tab.value('importBegin', { name: 'half.xml', size });
    await tab.value('importChunk', { uploadId, offset: 0, data: Buffer.alloc(IMPORT_CHUNK_BYTES, 'a').toString('base64') });
    expect(await readdir(running.folder)).toHaveLength(1);
    tab.socket.terminate();
    await expect.poll(() => readdir(running.folder), { timeout: 5000 }).toEqual([]);
    // The watcher never saw it.
    await new Promise((resolve) => setTimeout(resolve, 400));
    await running.core.idle();
    expect(running.core.files()).toEqual([]);
  });
});
