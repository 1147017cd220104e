/** A call from a browser tab, before dispatchInvoke checks its channel and arguments against the contract. */
export interface InvokeCall {
  id: number;
  channel: unknown;
  args: unknown[];
}

/** A tab's frame read as an invoke call, or the reason it is not one: any bytes at all may arrive here. */
export function readInvokeCall(data: Buffer): { ok: true; call: InvokeCall } | { ok: false; reason: string } {
  let message: unknown;
  try {
    message = JSON.parse(data.toString('utf8'));
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  if (typeof message !== 'object' || message === null) return { ok: false, reason: 'not an invoke message' };
  const { kind, id, channel, args } = message as Record<string, unknown>;
  if (kind !== 'invoke' || typeof id !== 'number' || !Number.isSafeInteger(id) || !Array.isArray(args)) {
    return { ok: false, reason: 'not an invoke message' };
  }
  return { ok: true, call: { id, channel, args } };
}
