/**
 * `npm run bench -- [--papers N] [--json FILE] [--skip-browser] [--seed S] [--ingest-timeout MIN]`.
 * Bundled to dist/bench.js, one folder below the repository as test/ is, so the helpers
 * in test/ find ../shared and dist/ from there as they do under Vitest.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { formatTable } from './report';
import { runBench } from './run-bench';

const { values } = parseArgs({
  options: {
    papers: { type: 'string', default: '100000' },
    json: { type: 'string' },
    'skip-browser': { type: 'boolean', default: false },
    seed: { type: 'string', default: '20240223' },
    'ingest-timeout': { type: 'string', default: '30' },
  },
});

const papers = Number(values.papers);
if (!Number.isInteger(papers) || papers < 1) throw new Error(`--papers wants a whole number, not ${values.papers}`);
if (!(globalThis as { gc?: unknown }).gc) console.error('Run with node --expose-gc (npm run bench does) to measure the Node heap.');

const report = await runBench({
  papers,
  seed: Number(values.seed),
  browser: !values['skip-browser'],
  ingestTimeoutMs: Number(values['ingest-timeout']) * 60_000,
  log: (line) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`),
});
console.log(formatTable(report));
if (values.json) await writeFile(values.json, `${JSON.stringify(report, null, 2)}\n`);
