import type { WhatwgTextDecoderConstructor } from '../../text/text-decoder';

/** An Atom text or content construct as feedsmith reads it: its content, and the type attribute as written. */
export interface AtomText {
  value?: string | undefined;
  type?: string | undefined;
}

const TextDecoderClass = (globalThis as unknown as { TextDecoder: WhatwgTextDecoderConstructor }).TextDecoder;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/u;
const BASE64_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** The wrapper Atom puts around XHTML content: a div in the XHTML namespace. */
const XHTML_DIV_START = /^<div\s[^>]*\bxmlns\s*=\s*["']http:\/\/www\.w3\.org\/1999\/xhtml["'][^>]*>/u;
const DIV_TAG = /<(\/?)div\b[^>]*?(\/?)>/giu;

/**
 * The construct's text as its type says to read it, or undefined when it has none that can be read:
 * - a media type that is neither text nor XML (`application/octet-stream`) means Base64 (RFC 4287
 *   §4.1.3.3), decoded here when it is UTF-8 text; other bytes (an image) are no text to show;
 * - escaped HTML that comes wrapped in an XHTML div, as Typepad writes it, loses the wrapper, which
 *   belongs to `type="xhtml"` alone.
 */
export function readableAtomText<T extends AtomText>(construct: T | undefined): T | undefined {
  const value = construct?.value;
  if (construct === undefined || value === undefined) return undefined;
  const type = construct.type?.trim().toLowerCase() ?? 'text';
  if (isBase64Type(type)) {
    const decoded = utf8Text(base64Bytes(value));
    return decoded === undefined ? undefined : { ...construct, value: decoded };
  }
  return type === 'html' || type === 'text/html' ? { ...construct, value: withoutXhtmlWrapper(value) } : construct;
}

function isBase64Type(type: string): boolean {
  const mediaType = type.split(';')[0]!.trim();
  return mediaType.includes('/') && !mediaType.startsWith('text/') && !/[/+]xml$/u.test(mediaType);
}

function base64Bytes(text: string): Uint8Array | undefined {
  const digits = text.replace(/\s+/gu, '');
  if (!BASE64.test(digits)) return undefined;
  const bytes: number[] = [];
  let buffer = 0;
  let bufferedBits = 0;
  for (const digit of digits.replace(/=+$/u, '')) {
    buffer = (buffer << 6) | BASE64_DIGITS.indexOf(digit);
    bufferedBits += 6;
    if (bufferedBits >= 8) {
      bufferedBits -= 8;
      bytes.push((buffer >> bufferedBits) & 0xff);
      buffer &= (1 << bufferedBits) - 1;
    }
  }
  return Uint8Array.from(bytes);
}

function utf8Text(bytes: Uint8Array | undefined): string | undefined {
  if (bytes === undefined) return undefined;
  try {
    return new TextDecoderClass('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes).trim() || undefined;
  } catch {
    return undefined;
  }
}

function withoutXhtmlWrapper(html: string): string {
  const start = XHTML_DIV_START.exec(html);
  if (start === null || !html.endsWith('</div>')) return html;
  const inner = html.slice(start[0].length, -'</div>'.length);
  return closesItsOwnDivs(inner) ? inner.trim() : html;
}

/** True when every div the HTML opens it also closes, and it closes none it did not open. */
function closesItsOwnDivs(html: string): boolean {
  let depth = 0;
  for (const [, closing, selfClosing] of html.matchAll(DIV_TAG)) {
    if (closing) depth -= 1;
    else if (!selfClosing) depth += 1;
    if (depth < 0) return false;
  }
  return depth === 0;
}
