import { connect } from 'node:net';

/** What came back on one raw TCP connection: the bytes, and whether the server closed it. */
export interface RawReply {
  data: Buffer;
  closed: boolean;
}

/**
 * Opens a TCP connection, writes each chunk in turn, and collects the reply until the server closes,
 * `enough` says the reply is complete, or `waitMs` passes. Nothing is parsed for the sender: the bytes
 * go out exactly as given, however malformed.
 */
export function rawExchange(
  port: number,
  chunks: readonly (string | Buffer)[],
  enough: (data: Buffer) => boolean,
  waitMs = 5_000,
): Promise<RawReply> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let data = Buffer.alloc(0);
    let settled = false;
    const finish = (closed: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ data, closed });
    };
    const timer = setTimeout(() => finish(false), waitMs);
    socket.on('connect', () => {
      for (const chunk of chunks) socket.write(chunk);
    });
    socket.on('data', (chunk: Buffer) => {
      data = Buffer.concat([data, chunk]);
      if (enough(data)) finish(false);
    });
    socket.on('error', () => finish(true));
    socket.on('close', () => finish(true));
  });
}

/** A complete HTTP status line has arrived. */
export const hasStatusLine = (data: Buffer) => /^HTTP\/1\.[01] \d{3}[^\r\n]*\r\n/u.test(data.toString('latin1'));

export function statusOf(data: Buffer): number | null {
  const match = /^HTTP\/1\.[01] (\d{3})/u.exec(data.toString('latin1'));
  return match ? Number(match[1]) : null;
}

export interface FrameSpec {
  fin?: boolean;
  /** The three reserved bits, as a number 0-7. */
  rsv?: number;
  opcode: number;
  masked?: boolean;
  payload?: Buffer;
  /** The length the header declares, when it should differ from the payload's. */
  declaredLength?: number;
}

/** One WebSocket frame as a client would send it, or as a broken client might. */
export function encodeFrame({ fin = true, rsv = 0, opcode, masked = true, payload = Buffer.alloc(0), declaredLength }: FrameSpec): Buffer {
  const length = declaredLength ?? payload.length;
  const first = (fin ? 0x80 : 0) | ((rsv & 7) << 4) | (opcode & 0x0f);
  const maskBit = masked ? 0x80 : 0;
  let header: Buffer;
  if (length < 126) header = Buffer.from([first, maskBit | length]);
  else if (length < 65_536) {
    header = Buffer.from([first, maskBit | 126, 0, 0]);
    header.writeUInt16BE(length, 2);
  } else {
    header = Buffer.from([first, maskBit | 127, 0, 0, 0, 0, 0, 0, 0, 0]);
    header.writeBigUInt64BE(BigInt(length), 2);
  }
  if (!masked) return Buffer.concat([header, payload]);
  const mask = Buffer.from([0x12, 0x34, 0x56, 0x78]);
  const body = Buffer.from(payload.map((byte, index) => byte ^ mask[index % 4]!));
  return Buffer.concat([header, mask, body]);
}

export interface ServerFrame {
  opcode: number;
  payload: Buffer;
}

/** The server's frames in the bytes after its 101 answer (server frames are never masked). */
export function decodeServerFrames(data: Buffer): ServerFrame[] {
  const frames: ServerFrame[] = [];
  let offset = 0;
  while (offset + 2 <= data.length) {
    const opcode = data[offset]! & 0x0f;
    let length = data[offset + 1]! & 0x7f;
    let start = offset + 2;
    if (length === 126) {
      if (start + 2 > data.length) break;
      length = data.readUInt16BE(start);
      start += 2;
    } else if (length === 127) {
      if (start + 8 > data.length) break;
      length = Number(data.readBigUInt64BE(start));
      start += 8;
    }
    if (start + length > data.length) break;
    frames.push({ opcode, payload: data.subarray(start, start + length) });
    offset = start + length;
  }
  return frames;
}

/** The bytes after the HTTP head of a 101 answer; null until the head is complete. */
export function afterHandshake(data: Buffer): Buffer | null {
  const end = data.indexOf('\r\n\r\n');
  return end === -1 ? null : data.subarray(end + 4);
}

export const CLOSE_OPCODE = 0x8;
export const PONG_OPCODE = 0xa;
