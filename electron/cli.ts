import { parseArgs } from 'node:util';
import { toCliDocument, summaryTable } from './cli/cli-output';
import { expandFolders, parseFiles } from './cli/parse-files';
import { createInlineParser } from './core/parse-job';

const USAGE = `Usage: paperdrop parse [--summary] FILE|FOLDER...
  Parses feed files (a folder: every file in it) as the app does and prints
  {"papers":[...],"errors":[...]} as JSON, or with --summary a table of file, format, papers
  and errors, and what the merged papers hold.
  Exits 0 when any file parsed.`;

/** `npm run -s paperdrop -- parse FILE...`: the app's parsing and merging, on the command line. */
async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { summary: { type: 'boolean', default: false }, help: { type: 'boolean' } }, allowPositionals: true });
  } catch (error) {
    console.error(`paperdrop: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const [command, ...paths] = parsed.positionals;
  if (parsed.values.help) {
    console.log(USAGE);
    return 0;
  }
  if (command !== 'parse' || paths.length === 0) {
    console.error(USAGE);
    return 2;
  }
  const files = await expandFolders(paths);
  const result = await parseFiles(files, createInlineParser());
  process.stdout.write(parsed.values.summary ? `${summaryTable(result, files)}\n` : `${JSON.stringify(toCliDocument(result))}\n`);
  return result.batches.some((batch) => batch.format !== null) ? 0 : 1;
}

process.exitCode = await main(process.argv.slice(2));
