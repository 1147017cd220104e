import { isInvokeChannel, type InvokeArgs, type InvokeChannel, type InvokeHandlers } from './ipc';

type ArgsCheck<K extends InvokeChannel> = (args: unknown[]) => args is InvokeArgs<K>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The shape each channel accepts: a renderer is untrusted input to main. */
const argsChecks: { [K in InvokeChannel]: ArgsCheck<K> } = {
  hello: (args): args is InvokeArgs<'hello'> => {
    const [request] = args;
    return (
      args.length === 1 &&
      isRecord(request) &&
      Array.isArray(request.knownHashes) &&
      request.knownHashes.every((hash) => typeof hash === 'string')
    );
  },
  stored: (args): args is InvokeArgs<'stored'> => {
    const [request] = args;
    return args.length === 1 && isRecord(request) && typeof request.hash === 'string';
  },
  chooseFolder: (args): args is [] => args.length === 0,
  addSamples: (args): args is [] => args.length === 0,
};

/** Checks a call from a renderer against the contract, then runs its handler. Throws on anything off-contract. */
export async function dispatchInvoke(handlers: InvokeHandlers, channel: unknown, args: unknown[]): Promise<unknown> {
  if (!isInvokeChannel(channel)) throw new Error(`Unknown channel: ${String(channel)}`);
  const check = argsChecks[channel] as (args: unknown[]) => boolean;
  if (!check(args)) throw new Error(`Bad arguments for ${channel}`);
  const handler = handlers[channel] as (...args: unknown[]) => unknown;
  return handler(...args);
}
