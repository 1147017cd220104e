/**
 * `npm run bench -- [--papers N|all] [--json FILE] [--skip-browser] [--seed S] [--ingest-timeout MIN] [--reload-moments 0,5,15,40,settled|none]`,
 * or `npm run bench -- --growth-table a.json b.json …` to print several reports as one markdown table (growth-table.ts).
 * Bundled to dist/bench.js, one folder below the repository as test/ is, so the helpers
 * in test/ find ../shared and dist/ from there as they do under Vitest.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { CORPUS_SIZE } from './corpus-reader';
import { printGrowthTable } from './growth-table';
import { DEFAULT_RELOAD_MOMENTS, parseReloadMoments } from './reload-anytime';
import { formatTable } from './report';
import { runBench } from './run-bench';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    papers: { type: 'string', default: '100000' },
    json: { type: 'string' },
    'skip-browser': { type: 'boolean', default: false },
    seed: { type: 'string', default: '20240223' },
    'ingest-timeout': { type: 'string', default: '30' },
    'reload-moments': { type: 'string', default: DEFAULT_RELOAD_MOMENTS.join(',') },
    'growth-table': { type: 'boolean', default: false },
  },
});

if (values['growth-table']) {
  await printGrowthTable(positionals);
} else {
  if (positionals.length > 0) throw new Error(`unexpected arguments: ${positionals.join(' ')} (only --growth-table takes files)`);
  // "all" is the whole corpus, 184,301 papers.
  const papers = values.papers === 'all' ? CORPUS_SIZE : Number(values.papers);
  if (!Number.isInteger(papers) || papers < 1) throw new Error(`--papers wants a whole number or "all", not ${values.papers}`);
  if (!(globalThis as { gc?: unknown }).gc) console.error('Run with node --expose-gc (npm run bench does) to measure the Node heap.');

  const report = await runBench({
    papers,
    seed: Number(values.seed),
    browser: !values['skip-browser'],
    ingestTimeoutMs: Number(values['ingest-timeout']) * 60_000,
    reloadMoments: parseReloadMoments(values['reload-moments']),
    log: (line) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`),
  });
  console.log(formatTable(report));
  if (values.json) await writeFile(values.json, `${JSON.stringify(report, null, 2)}\n`);
}
