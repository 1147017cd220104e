import { Worker } from 'node:worker_threads';
import type { DroppedFile } from '../../shared/ingest-batch';
import type { IngestBatch } from '../../shared/paper';
import type { ParseFile } from './parse-job';

export interface ParseRequest {
  job: DroppedFile;
}

export type ParseReply = { ok: true; batch: IngestBatch } | { ok: false; message: string };

export interface WorkerParser {
  parse: ParseFile;
  close(): Promise<void>;
}

/** What one file may cost the parse worker before it is stopped (docs/parse-budgets.md). */
export interface ParseBudget {
  /** The worker's JavaScript heap (V8's old generation), in MB. */
  memoryMb: number;
  /** Seconds a file may take, from when it is handed over: this many, */
  seconds: number;
  /** and this many more for each MB of the file. */
  secondsPerMb: number;
}

export const PARSE_BUDGET: ParseBudget = { memoryMb: 1024, seconds: 30, secondsPerMb: 10 };

/** The worker stopped for a reason of its own, not the file's: the same file may parse on a later try. */
export class ParseInterrupted extends Error {
  override readonly name = 'ParseInterrupted';
}

interface Call {
  job: DroppedFile;
  resolve: (batch: IngestBatch) => void;
  reject: (error: Error) => void;
}

/**
 * Parses in a worker thread (dist/electron/parse-worker.js), one file at a time. A file that goes
 * over its budget, or a worker that dies, fails that file alone: the worker is stopped and the
 * next file starts a new one.
 */
export function createWorkerParser(workerFile: URL, budget: ParseBudget = PARSE_BUDGET): WorkerParser {
  const waiting: Call[] = [];
  let worker: Worker | null = null;
  let running: { call: Call; timer: NodeJS.Timeout } | null = null;

  const settle = (outcome: (call: Call) => void) => {
    if (!running) return;
    clearTimeout(running.timer);
    const { call } = running;
    running = null;
    outcome(call);
    runNext();
  };

  const stop = (error: Error) => {
    void worker?.terminate();
    worker = null;
    settle((call) => call.reject(error));
  };

  const start = () => {
    const started = new Worker(workerFile, { resourceLimits: { maxOldGenerationSizeMb: budget.memoryMb } });
    started.on('message', (reply: ParseReply) => {
      if (started === worker) settle((call) => (reply.ok ? call.resolve(reply.batch) : call.reject(new Error(reply.message))));
    });
    started.on('error', (error: NodeJS.ErrnoException) => {
      if (started !== worker) return;
      stop(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new Error(`parsing stopped: the file needed more than ${budget.memoryMb} MB of memory`) : error);
    });
    started.on('exit', (code) => {
      if (started === worker) stop(new ParseInterrupted(`the parse worker stopped (exit code ${code})`));
    });
    started.unref();
    return started;
  };

  const runNext = () => {
    const call = running ? undefined : waiting.shift();
    if (!call) return;
    const seconds = Math.ceil(budget.seconds + (budget.secondsPerMb * call.job.bytes.length) / 1024 / 1024);
    const timer = setTimeout(() => stop(new Error(`parsing stopped: the file took longer than ${seconds} s`)), seconds * 1000);
    timer.unref();
    running = { call, timer };
    worker ??= start();
    const bytes = new Uint8Array(call.job.bytes);
    worker.postMessage({ job: { ...call.job, bytes } } satisfies ParseRequest, [bytes.buffer]);
  };

  return {
    parse: (job) =>
      new Promise((resolve, reject) => {
        waiting.push({ job, resolve, reject });
        runNext();
      }),
    close: async () => {
      const closing = worker;
      worker = null;
      const error = new Error('the parser was closed');
      for (const call of waiting.splice(0)) call.reject(error);
      settle((call) => call.reject(error));
      await closing?.terminate();
    },
  };
}
