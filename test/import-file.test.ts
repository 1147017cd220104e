import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isIgnoredName } from '../electron/core/folder-watcher';
import { ImportUploads, numberedName, placeWithoutOverwrite, safeImportName } from '../electron/core/import-file';
import { IMPORT_CHUNK_BYTES, MAX_IMPORT_BYTES } from '../shared/import-limits';
import type { Bridge, InvokeHandlers } from '../shared/ipc';
import { dispatchInvoke } from '../shared/ipc-dispatch';
import { describeImport, describeProgress, importFiles, sendFile, toBase64 } from '../renderer/sync/import-files';
import { makeTempDir } from './temp-dir';

const b64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64');

/** Sends bytes as an honest renderer does: chunks of IMPORT_CHUNK_BYTES, in order. */
async function upload(uploads: ImportUploads, name: string, bytes: Buffer) {
  const { uploadId } = await uploads.begin({ name, size: bytes.length });
  for (let offset = 0; offset < bytes.length; offset += IMPORT_CHUNK_BYTES) {
    await uploads.chunk({ uploadId, offset, data: b64(bytes.subarray(offset, offset + IMPORT_CHUNK_BYTES)) });
  }
  return uploads.end({ uploadId });
}

describe('safeImportName', () => {
  it('keeps a plain name as it is', () => {
    expect(safeImportName('cs.CL 2026-11-30.xml')).toBe('cs.CL 2026-11-30.xml');
    expect(safeImportName('Vulić — papers.json')).toBe('Vulić — papers.json');
  });

  it('keeps only the last path segment, whatever the separator', () => {
    expect(safeImportName('../../etc/passwd')).toBe('passwd');
    expect(safeImportName('..\\..\\Windows\\win.ini')).toBe('win.ini');
    expect(safeImportName('/abs/path/feed.xml')).toBe('feed.xml');
    expect(safeImportName('feed.xml/')).toBe('imported feed');
    expect(safeImportName('..')).toBe('imported feed');
    expect(safeImportName('')).toBe('imported feed');
  });

  it('never makes a hidden, temporary or device name', () => {
    expect(safeImportName('.bashrc')).toBe('bashrc');
    expect(safeImportName('...feed.xml')).toBe('feed.xml');
    expect(safeImportName('~$feed.xml')).toBe('feed.xml');
    expect(safeImportName('feed.xml~')).toBe('feed.xml');
    expect(safeImportName('feed.xml.part')).toBe('feed.xml.part.txt');
    expect(safeImportName('feed.crdownload')).toBe('feed.crdownload.txt');
    expect(safeImportName('CON.xml')).toBe('_CON.xml');
    expect(safeImportName('nul')).toBe('_nul');
    // The last two are cut to length where a "." or "~" ends up last.
    const cutAtDot = `${'a'.repeat(179)}.${'b'.repeat(20)}`;
    const cutAtTilde = `${'a'.repeat(179)}~${'b'.repeat(20)}`;
    for (const raw of ['.x', '~$x', 'x~', 'x.tmp', 'x.swp', ' .x', '\u0000.x', '.\u202e.x', cutAtDot, cutAtTilde]) {
      expect(isIgnoredName(safeImportName(raw)), raw).toBe(false);
      expect(safeImportName(raw), raw).not.toMatch(/[.~\s]$/u);
    }
  });

  it('drops control, format and lone surrogate characters, and Windows-invalid ones', () => {
    expect(safeImportName('fe\u0000ed\r\n.xml')).toBe('feed.xml');
    expect(safeImportName('evil\u202Elmx.exe')).toBe('evillmx.exe');
    expect(safeImportName('a\uD800b.xml')).toBe('ab.xml');
    expect(safeImportName('a<b>:c"d|e?f*.xml')).toBe('a_b__c_d_e_f_.xml');
    expect(safeImportName('  spaced   out  .xml  ')).toBe('spaced out .xml');
  });

  it('bounds the length in UTF-8 bytes and keeps the extension', () => {
    const long = safeImportName(`${'é'.repeat(300)}.xml`);
    expect(Buffer.byteLength(long)).toBeLessThanOrEqual(180);
    expect(long.endsWith('é.xml')).toBe(true);
    const noExtension = safeImportName('x'.repeat(1000));
    expect(noExtension).toBe('x'.repeat(180));
    expect(Buffer.byteLength(safeImportName(`${'😀'.repeat(100)}.json`))).toBeLessThanOrEqual(180);
  });

  it('numbers a taken name before its extension', () => {
    expect(numberedName('feed.xml', 1)).toBe('feed.xml');
    expect(numberedName('feed.xml', 2)).toBe('feed (2).xml');
    expect(numberedName('README', 3)).toBe('README (3)');
  });
});

describe('placeWithoutOverwrite', () => {
  it('never replaces a file: takes the next free number, and removes the temporary file', async () => {
    const folder = await makeTempDir('place');
    await writeFile(join(folder, 'feed.xml'), 'first');
    await writeFile(join(folder, 'feed (2).xml'), 'second');
    await writeFile(join(folder, '.tmp-upload'), 'third');
    expect(await placeWithoutOverwrite(join(folder, '.tmp-upload'), folder, 'feed.xml')).toBe('feed (3).xml');
    expect(await readFile(join(folder, 'feed.xml'), 'utf8')).toBe('first');
    expect(await readFile(join(folder, 'feed (2).xml'), 'utf8')).toBe('second');
    expect(await readFile(join(folder, 'feed (3).xml'), 'utf8')).toBe('third');
    expect((await readdir(folder)).sort()).toEqual(['feed (2).xml', 'feed (3).xml', 'feed.xml']);
  });
});

describe('ImportUploads', () => {
  const setUp = async (options: { idleMs?: number; maxUploads?: number } = {}) => {
    const folder = await makeTempDir('import');
    return { folder, uploads: new ImportUploads({ folder: () => folder, ...options }) };
  };

  it('writes a file of several chunks under a hidden name, then names it when complete', async () => {
    const { folder, uploads } = await setUp();
    const bytes = Buffer.alloc(IMPORT_CHUNK_BYTES * 2 + 12345);
    for (let index = 0; index < bytes.length; index += 1) bytes[index] = (index * 31) % 251;
    const { uploadId } = await uploads.begin({ name: '../feeds/big.json', size: bytes.length });
    await uploads.chunk({ uploadId, offset: 0, data: b64(bytes.subarray(0, IMPORT_CHUNK_BYTES)) });
    const during = await readdir(folder);
    expect(during).toHaveLength(1);
    expect(during[0]).toMatch(/^\.paperdrop-import-.*\.part$/u);
    expect(isIgnoredName(during[0]!)).toBe(true);
    await uploads.chunk({ uploadId, offset: IMPORT_CHUNK_BYTES, data: b64(bytes.subarray(IMPORT_CHUNK_BYTES, 2 * IMPORT_CHUNK_BYTES)) });
    await uploads.chunk({ uploadId, offset: 2 * IMPORT_CHUNK_BYTES, data: b64(bytes.subarray(2 * IMPORT_CHUNK_BYTES)) });
    const result = await uploads.end({ uploadId });
    expect(result.name).toBe('big.json');
    expect(result.hash).toMatch(/^[0-9a-f]{64}$/u);
    expect((await readFile(join(folder, 'big.json'))).equals(bytes)).toBe(true);
    expect(await readdir(folder)).toEqual(['big.json']);
    expect(uploads.open).toBe(0);
  });

  it('imports an empty file, and the same name twice as " (2)"', async () => {
    const { folder, uploads } = await setUp();
    expect((await upload(uploads, 'empty.xml', Buffer.alloc(0))).name).toBe('empty.xml');
    expect((await upload(uploads, 'empty.xml', Buffer.from('<rss/>'))).name).toBe('empty (2).xml');
    expect((await readdir(folder)).sort()).toEqual(['empty (2).xml', 'empty.xml']);
  });

  it('refuses a file over 50 MB by its announced size, naming it, before a byte is written', async () => {
    const { folder, uploads } = await setUp();
    await expect(uploads.begin({ name: 'huge.xml', size: MAX_IMPORT_BYTES + 1 })).rejects.toThrow(
      '"huge.xml" is 50 MB: files over 50 MB are not imported',
    );
    await expect(uploads.begin({ name: 'huge.xml', size: 80 * 1024 * 1024 })).rejects.toThrow('"huge.xml" is 80 MB');
    expect(await readdir(folder)).toEqual([]);
  });

  const refusedChunks: [string, (uploadId: string) => { uploadId: string; offset: number; data: string }, string][] = [
    ['past the announced size', (uploadId) => ({ uploadId, offset: 0, data: b64('x'.repeat(11)) }), 'past its announced size'],
    ['at the wrong offset', (uploadId) => ({ uploadId, offset: 5, data: b64('abc') }), 'expected the chunk at byte 0, got 5'],
    ['not base64', (uploadId) => ({ uploadId, offset: 0, data: 'ab$=' }), 'not base64'],
    ['over 4 MB', (uploadId) => ({ uploadId, offset: 0, data: 'A'.repeat(Math.ceil(IMPORT_CHUNK_BYTES / 3) * 4 + 4) }), 'not base64 of at most 4 MB'],
    ['empty', (uploadId) => ({ uploadId, offset: 0, data: '' }), 'past its announced size'],
  ];
  for (const [what, chunk, message] of refusedChunks) {
    it(`drops an upload sent a chunk ${what}, and its partial file`, async () => {
      const { folder, uploads } = await setUp();
      const { uploadId } = await uploads.begin({ name: 'feed.xml', size: 10 });
      await expect(uploads.chunk(chunk(uploadId))).rejects.toThrow(message);
      expect(await readdir(folder)).toEqual([]);
      await expect(uploads.chunk({ uploadId, offset: 0, data: b64('a') })).rejects.toThrow('No such import');
    });
  }

  it('refuses more chunks than the size needs (tiny chunks cannot make a 50 MB file cost millions of calls)', async () => {
    const { folder, uploads } = await setUp();
    const { uploadId } = await uploads.begin({ name: 'feed.xml', size: 10 });
    await uploads.chunk({ uploadId, offset: 0, data: b64('abc') });
    await expect(uploads.chunk({ uploadId, offset: 3, data: b64('def') })).rejects.toThrow('more chunks than its size needs');
    expect(await readdir(folder)).toEqual([]);
  });

  it('refuses to end an incomplete upload, and removes it', async () => {
    const { folder, uploads } = await setUp();
    const { uploadId } = await uploads.begin({ name: 'feed.xml', size: 10 });
    await uploads.chunk({ uploadId, offset: 0, data: b64('abc') });
    await expect(uploads.end({ uploadId })).rejects.toThrow('Importing "feed.xml" failed: only 3 of 10 bytes arrived');
    expect(await readdir(folder)).toEqual([]);
  });

  it('bounds uploads open at once; abort, close and the idle timer remove partial files', async () => {
    const { folder, uploads } = await setUp({ maxUploads: 2, idleMs: 200 });
    const first = await uploads.begin({ name: 'a.xml', size: 10 });
    const second = await uploads.begin({ name: 'b.xml', size: 10 });
    await expect(uploads.begin({ name: 'c.xml', size: 10 })).rejects.toThrow('too many imports at once');
    await uploads.abort(first);
    expect(await readdir(folder)).toHaveLength(1);
    await uploads.chunk({ ...second, offset: 0, data: b64('abc') });
    await expect.poll(() => readdir(folder), { timeout: 2000 }).toEqual([]);
    await expect(uploads.chunk({ ...second, offset: 3, data: b64('def') })).rejects.toThrow('No such import');
    await uploads.begin({ name: 'd.xml', size: 10 });
    await uploads.begin({ name: 'e.xml', size: 10 });
    expect(await readdir(folder)).toHaveLength(2);
    await uploads.close();
    expect(await readdir(folder)).toEqual([]);
    await expect(uploads.begin({ name: 'f.xml', size: 10 })).rejects.toThrow('closing');
  });

  it('writes where the upload began when the folder changes meanwhile', async () => {
    const first = await makeTempDir('first');
    const second = await makeTempDir('second');
    let folder = first;
    const uploads = new ImportUploads({ folder: () => folder });
    const { uploadId } = await uploads.begin({ name: 'feed.xml', size: 3 });
    folder = second;
    await uploads.chunk({ uploadId, offset: 0, data: b64('abc') });
    await uploads.end({ uploadId });
    expect(await readdir(first)).toEqual(['feed.xml']);
    expect(await readdir(second)).toEqual([]);
  });
});

describe('the import channels of the contract', () => {
  const calls: unknown[][] = [];
  const handlers = new Proxy({} as InvokeHandlers, { get: (_target, channel) => (...args: unknown[]) => calls.push([channel, ...args]) });
  const good = {
    importBegin: [{ name: 'feed.xml', size: 10 }],
    importChunk: [{ uploadId: 'u1', offset: 0, data: 'YWJj' }],
    importEnd: [{ uploadId: 'u1' }],
    importAbort: [{ uploadId: 'u1' }],
  };
  const bad: [keyof typeof good, unknown[]][] = [
    ['importBegin', []],
    ['importBegin', [{ name: 'feed.xml' }]],
    ['importBegin', [{ name: 42, size: 10 }]],
    ['importBegin', [{ name: 'feed.xml', size: -1 }]],
    ['importBegin', [{ name: 'feed.xml', size: 1.5 }]],
    ['importBegin', [{ name: 'feed.xml', size: 2 ** 60 }]],
    ['importBegin', [{ name: 'x'.repeat(5000), size: 10 }]],
    ['importBegin', [{ name: 'feed.xml', size: 10 }, 'extra']],
    ['importChunk', [{ uploadId: 'u1', offset: 0 }]],
    ['importChunk', [{ uploadId: 'u1', offset: '0', data: 'YWJj' }]],
    ['importChunk', [{ uploadId: '', offset: 0, data: 'YWJj' }]],
    ['importChunk', [{ uploadId: 'u'.repeat(65), offset: 0, data: 'YWJj' }]],
    ['importChunk', [{ uploadId: 'u1', offset: 0, data: 'A'.repeat(Math.ceil(IMPORT_CHUNK_BYTES / 3) * 4 + 4) }]],
    ['importChunk', [{ uploadId: 'u1', offset: 0, data: new Uint8Array(3) }]],
    ['importEnd', [null]],
    ['importEnd', [{ uploadId: 7 }]],
    ['importAbort', []],
  ];

  it('passes well-formed calls to the handlers', async () => {
    for (const [channel, args] of Object.entries(good)) await dispatchInvoke(handlers, channel, args);
    expect(calls.map((call) => call[0])).toEqual(Object.keys(good));
  });

  it('refuses every malformed call before a handler runs', async () => {
    calls.length = 0;
    for (const [channel, args] of bad) await expect(dispatchInvoke(handlers, channel, args), JSON.stringify(args).slice(0, 80)).rejects.toThrow(`Bad arguments for ${channel}`);
    expect(calls).toEqual([]);
  });
});

describe('the renderer side of an import', () => {
  /** A bridge over real ImportUploads, with a batch for each file once it is written, as the watcher would send. */
  async function fakeBridge() {
    const folder = await makeTempDir('bridge');
    const uploads = new ImportUploads({ folder: () => folder });
    const batchListeners = new Set<(batch: { hash: string; papers: unknown[] }) => void>();
    const calls: string[] = [];
    const bridge = {
      invoke: async (channel: string, request: never) => {
        calls.push(channel);
        if (channel === 'importBegin') return uploads.begin(request);
        if (channel === 'importChunk') return uploads.chunk(request);
        if (channel === 'importAbort') return uploads.abort(request);
        if (channel === 'importEnd') {
          const result = await uploads.end(request);
          const papers = (await readFile(join(folder, result.name), 'utf8')).split('\n').filter(Boolean);
          setTimeout(() => batchListeners.forEach((listener) => listener({ hash: result.hash, papers })), 10);
          return { ...result, alreadyStored: false };
        }
        throw new Error(channel);
      },
      on: (_channel: string, listener: (batch: { hash: string; papers: unknown[] }) => void) => {
        batchListeners.add(listener);
        return () => batchListeners.delete(listener);
      },
      onConnectionChange: () => () => {},
    } as unknown as Bridge;
    return { bridge, folder, calls };
  }

  it('base64-encodes as Node does', () => {
    const bytes = new Uint8Array(100_000).map((_, index) => (index * 7) % 256);
    expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });

  it('sends files in chunks, counts their papers and reports progress, errors by name', async () => {
    const { bridge, folder } = await fakeBridge();
    const big = new File([`${'p\n'.repeat(3)}${' '.repeat(IMPORT_CHUNK_BYTES + 10)}`], 'big.jsonl');
    const files = [new File(['a\nb\n'], '../two.jsonl'), big, { name: 'huge.xml', size: MAX_IMPORT_BYTES + 1 } as File];
    const seen: string[] = [];
    const summary = await importFiles(bridge, files, (progress) => seen.push(describeProgress(progress)));
    expect(summary).toEqual({
      imported: ['two.jsonl', 'big.jsonl'],
      papers: 2 + 4,
      known: [],
      errors: ['"huge.xml" is 50 MB: files over 50 MB are not imported'],
      unread: [],
    });
    expect((await readdir(folder)).sort()).toEqual(['big.jsonl', 'two.jsonl']);
    expect(seen[0]).toBe('Importing: 0 of 3 files done, 0 papers stored — reading ../two.jsonl');
    expect(seen.at(-1)).toBe('Importing: 3 of 3 files done, 6 papers stored');
    expect(describeImport(summary)).toBe('Imported 2 files: 6 papers; "huge.xml" is 50 MB: files over 50 MB are not imported');
  });

  it('aborts an upload whose file cannot be read, leaving nothing behind', async () => {
    const { bridge, folder, calls } = await fakeBridge();
    const broken = { name: 'folder', size: 10, slice: () => ({ arrayBuffer: () => Promise.reject(new Error('NotFoundError')) }) } as unknown as File;
    await expect(sendFile(bridge, broken)).rejects.toThrow('Importing "folder" failed: NotFoundError');
    await expect.poll(() => readdir(folder)).toEqual([]);
    expect(calls).toEqual(['importBegin', 'importAbort']);
  });
});
