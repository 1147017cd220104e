import { repairC1Controls } from './c1-controls';
import type { WhatwgTextDecoder, WhatwgTextDecoderConstructor } from './text-decoder';
import { decodeUtf32 } from './utf32';
import { readDeclaredEncoding } from './xml-declaration';

/** `encoding` is the encoding used, with what went wrong in parentheses: "windows-1252 (declared x-unknown unsupported)". */
export interface DecodedFeedText {
  text: string;
  encoding: string;
}

type UnicodeEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be';

/** Stands for any of the ASCII characters a feed file opens with: markup, JSON, or white space before them. */
const OPENING = 'opening';
const OPENING_BYTES: readonly number[] = ['<', '{', '[', ' ', '\t', '\n', '\r'].map((character) => character.charCodeAt(0));
type BytePattern = readonly (number | typeof OPENING)[];

const BYTE_ORDER_MARKS: readonly (readonly [UnicodeEncoding, BytePattern])[] = [
  ['utf-32le', [0xff, 0xfe, 0, 0]], // before UTF-16 LE, whose mark is its prefix
  ['utf-32be', [0, 0, 0xfe, 0xff]],
  ['utf-8', [0xef, 0xbb, 0xbf]],
  ['utf-16le', [0xff, 0xfe]],
  ['utf-16be', [0xfe, 0xff]],
];

/** Without a mark, the zero bytes around the opening character give away UTF-16 and UTF-32 (as in XML 1.0 appendix F). */
const WIDE_OPENINGS: readonly (readonly [UnicodeEncoding, BytePattern])[] = [
  ['utf-32be', [0, 0, 0, OPENING]],
  ['utf-32le', [OPENING, 0, 0, 0]],
  ['utf-16be', [0, OPENING]],
  ['utf-16le', [OPENING, 0]],
];

const INVALID_BYTES_REPLACED = 'invalid bytes replaced';

const TextDecoderClass = (globalThis as unknown as { TextDecoder: WhatwgTextDecoderConstructor }).TextDecoder;

/**
 * Turns a feed file's bytes into text: a byte order mark first, then UTF-16/32 recognised by its zero bytes,
 * then the XML declaration's encoding, else UTF-8, falling back to windows-1252. The text has no byte order
 * mark and only LF line ends. Never throws: undecodable bytes become U+FFFD and `encoding` says so.
 */
export function decodeFeedBytes(bytes: Uint8Array): DecodedFeedText {
  const { text, encoding } = decodeBytes(bytes);
  const lineFeedsOnly = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  return { text: repairC1Controls(lineFeedsOnly), encoding };
}

function decodeBytes(bytes: Uint8Array): DecodedFeedText {
  const marked = BYTE_ORDER_MARKS.find(([, mark]) => startsWith(bytes, mark));
  if (marked) return decodeUnicode(marked[0], bytes.subarray(marked[1].length));
  const wide = WIDE_OPENINGS.find(([, pattern]) => startsWith(bytes, pattern));
  if (wide) return decodeUnicode(wide[0], bytes);
  const declared = readDeclaredEncoding(bytes);
  return declared === undefined ? decodeUndeclared(bytes, []) : decodeDeclared(declared, bytes);
}

function startsWith(bytes: Uint8Array, pattern: BytePattern): boolean {
  return pattern.every((expected, index) => {
    const byte = bytes[index];
    return byte !== undefined && (expected === OPENING ? OPENING_BYTES.includes(byte) : byte === expected);
  });
}

function decodeUnicode(encoding: UnicodeEncoding, bytes: Uint8Array): DecodedFeedText {
  if (encoding !== 'utf-32le' && encoding !== 'utf-32be') return decodeAs(encoding, bytes);
  const { text, replaced } = decodeUtf32(bytes, encoding === 'utf-32le');
  return named(encoding, text, replaced ? [INVALID_BYTES_REPLACED] : []);
}

function decodeDeclared(label: string, bytes: Uint8Array): DecodedFeedText {
  const declared = canonicalEncoding(label);
  if (declared === undefined) return decodeUndeclared(bytes, [`declared ${label} unsupported`]);
  // Bytes whose declaration reads as ASCII are not UTF-16, whatever they say (as in the Encoding Standard).
  if (declared.startsWith('utf-16')) return decodeUndeclared(bytes, [`declared ${label} ignored: the bytes are 8-bit`]);
  if (declared === 'utf-8') return decodeUndeclared(bytes, []);
  // Legacy text is almost never valid UTF-8 once it has non-ASCII bytes; UTF-8 mislabelled "iso-8859-1" often is.
  const utf8 = bytes.some((byte) => byte > 0x7f) ? decodeStrictly('utf-8', bytes) : undefined;
  if (utf8 !== undefined) return named('utf-8', utf8, [`declared ${label} but the bytes are UTF-8`]);
  return decodeAs(declared, bytes);
}

/** UTF-8 when the bytes are UTF-8, or mostly so (a few corrupt bytes); otherwise windows-1252, which decodes any byte. */
function decodeUndeclared(bytes: Uint8Array, notes: readonly string[]): DecodedFeedText {
  const utf8 = decodeStrictly('utf-8', bytes);
  if (utf8 !== undefined) return named('utf-8', utf8, notes);
  const lenientUtf8 = decoder('utf-8', false).decode(bytes);
  if (isMostlyValidUtf8(lenientUtf8)) return named('utf-8', lenientUtf8, [...notes, INVALID_BYTES_REPLACED]);
  return named('windows-1252', decoder('windows-1252', false).decode(bytes), [...notes, 'not valid UTF-8']);
}

/** More non-ASCII characters decoded than bytes replaced: the file is UTF-8 with damage, not another encoding. */
function isMostlyValidUtf8(lenientlyDecoded: string): boolean {
  let decoded = 0;
  let replaced = 0;
  for (let index = 0; index < lenientlyDecoded.length; index++) {
    const code = lenientlyDecoded.charCodeAt(index);
    if (code === 0xfffd) replaced++;
    else if (code > 0x7f) decoded++;
  }
  return decoded > replaced;
}

function decodeAs(encoding: string, bytes: Uint8Array): DecodedFeedText {
  const strict = decodeStrictly(encoding, bytes);
  if (strict !== undefined) return named(encoding, strict, []);
  return named(encoding, decoder(encoding, false).decode(bytes), [INVALID_BYTES_REPLACED]);
}

function decodeStrictly(encoding: string, bytes: Uint8Array): string | undefined {
  try {
    return decoder(encoding, true).decode(bytes);
  } catch (error) {
    if (error instanceof TypeError) return undefined;
    throw error;
  }
}

function canonicalEncoding(label: string): string | undefined {
  try {
    return decoder(label, false).encoding;
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}

function decoder(label: string, fatal: boolean): WhatwgTextDecoder {
  // Byte order marks are matched and cut off above; a later U+FEFF is content.
  return new TextDecoderClass(label, { fatal, ignoreBOM: true });
}

function named(encoding: string, text: string, notes: readonly string[]): DecodedFeedText {
  return { text, encoding: notes.length === 0 ? encoding : `${encoding} (${notes.join('; ')})` };
}
