import { MAX_IMPORT_CHUNK_CHARS } from './import-limits';
import { isInvokeChannel, type InvokeArgs, type InvokeChannel, type InvokeHandlers } from './ipc';

type ArgsCheck<K extends InvokeChannel> = (args: unknown[]) => args is InvokeArgs<K>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Longest name and upload id a renderer may send: names are shortened in main anyway. */
const MAX_IMPORT_NAME_CHARS = 4096;
const MAX_UPLOAD_ID_CHARS = 64;
/** Base64 of one chunk: 4 characters for every 3 bytes. */

const isByteCount = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
const isUploadId = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= MAX_UPLOAD_ID_CHARS;
const isUploadRequest = (args: unknown[]): boolean => args.length === 1 && isRecord(args[0]) && isUploadId(args[0].uploadId);

/** The shape each channel accepts: a renderer is untrusted input to main. */
const argsChecks: { [K in InvokeChannel]: ArgsCheck<K> } = {
  hello: (args): args is InvokeArgs<'hello'> => {
    const [request] = args;
    return (
      args.length === 1 &&
      isRecord(request) &&
      Array.isArray(request.knownHashes) &&
      request.knownHashes.every((hash) => typeof hash === 'string') &&
      (request.stores === undefined || typeof request.stores === 'boolean')
    );
  },
  stored: (args): args is InvokeArgs<'stored'> => {
    const [request] = args;
    return args.length === 1 && isRecord(request) && typeof request.hash === 'string';
  },
  chooseFolder: (args): args is [] => args.length === 0,
  addSamples: (args): args is [] => args.length === 0,
  importBegin: (args): args is InvokeArgs<'importBegin'> => {
    const [request] = args;
    return (
      args.length === 1 &&
      isRecord(request) &&
      typeof request.name === 'string' &&
      request.name.length <= MAX_IMPORT_NAME_CHARS &&
      isByteCount(request.size)
    );
  },
  importChunk: (args): args is InvokeArgs<'importChunk'> => {
    const [request] = args;
    return (
      isUploadRequest(args) &&
      isRecord(request) &&
      isByteCount(request.offset) &&
      typeof request.data === 'string' &&
      request.data.length <= MAX_IMPORT_CHUNK_CHARS
    );
  },
  importEnd: (args): args is InvokeArgs<'importEnd'> => isUploadRequest(args),
  importAbort: (args): args is InvokeArgs<'importAbort'> => isUploadRequest(args),
};

/** Checks a call from a renderer against the contract, then runs its handler. Throws on anything off-contract. */
export async function dispatchInvoke(handlers: InvokeHandlers, channel: unknown, args: unknown[]): Promise<unknown> {
  if (!isInvokeChannel(channel)) throw new Error(`Unknown channel: ${String(channel)}`);
  const check = argsChecks[channel] as (args: unknown[]) => boolean;
  if (!check(args)) throw new Error(`Bad arguments for ${channel}`);
  const handler = handlers[channel] as (...args: unknown[]) => unknown;
  return handler(...args);
}
