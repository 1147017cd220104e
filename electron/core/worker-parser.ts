import { Worker } from 'node:worker_threads';
import type { DroppedFile } from '../../shared/ingest-batch';
import type { IngestBatch } from '../../shared/paper';
import type { ParseFile } from './parse-job';

export interface ParseRequest {
  id: number;
  job: DroppedFile;
}

export type ParseReply = { id: number; ok: true; batch: IngestBatch } | { id: number; ok: false; message: string };

export interface WorkerParser {
  parse: ParseFile;
  close(): Promise<void>;
}

/**
 * Parses in one worker thread (dist/electron/parse-worker.js). A worker that dies fails the
 * files it held, and the next file starts a new one.
 */
export function createWorkerParser(workerFile: URL): WorkerParser {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, { resolve: (batch: IngestBatch) => void; reject: (error: Error) => void }>();

  const failAll = (error: Error) => {
    for (const call of pending.values()) call.reject(error);
    pending.clear();
    worker = null;
  };

  const start = () => {
    const started = new Worker(workerFile);
    started.on('message', (reply: ParseReply) => {
      const call = pending.get(reply.id);
      pending.delete(reply.id);
      if (reply.ok) call?.resolve(reply.batch);
      else call?.reject(new Error(reply.message));
    });
    started.on('error', (error) => failAll(error));
    started.on('exit', (code) => failAll(new Error(`the parse worker stopped (exit code ${code})`)));
    started.unref();
    return started;
  };

  return {
    parse: (job) =>
      new Promise((resolve, reject) => {
        worker ??= start();
        const id = nextId++;
        pending.set(id, { resolve, reject });
        const bytes = new Uint8Array(job.bytes);
        worker.postMessage({ id, job: { ...job, bytes } } satisfies ParseRequest, [bytes.buffer]);
      }),
    close: async () => {
      await worker?.terminate();
      worker = null;
    },
  };
}
