import { parentPort } from 'node:worker_threads';
import { createInlineParser } from './core/parse-job';
import type { ParseRequest, ParseReply } from './core/worker-parser';

/** The parse worker: feeds are parsed here, one at a time, so that a 50 MB file never stalls main. */
const parse = createInlineParser();

parentPort!.on('message', async ({ job }: ParseRequest) => {
  let reply: ParseReply;
  try {
    reply = { ok: true, batch: await parse(job) };
  } catch (error) {
    reply = { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply);
});
