import { parentPort } from 'node:worker_threads';
import { createInlineParser } from './core/parse-job';
import type { ParseRequest, ParseReply } from './core/worker-parser';

/** The parse worker: feeds are parsed here so that a 50 MB file never stalls main. */
const parse = createInlineParser();

parentPort!.on('message', async ({ id, job }: ParseRequest) => {
  let reply: ParseReply;
  try {
    reply = { id, ok: true, batch: await parse(job) };
  } catch (error) {
    reply = { id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply);
});
