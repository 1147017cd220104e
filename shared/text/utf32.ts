const CODE_POINTS_PER_CHUNK = 8192;
const REPLACEMENT_CHARACTER = 0xfffd;

/** TextDecoder has no UTF-32: each 4 bytes are one code point; surrogates, values past U+10FFFF and a cut-off tail become U+FFFD. */
export function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): { text: string; replaced: boolean } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const wholeLength = bytes.byteLength - (bytes.byteLength % 4);
  const chunks: string[] = [];
  let codePoints: number[] = [];
  let replaced = wholeLength !== bytes.byteLength;
  for (let offset = 0; offset < wholeLength; offset += 4) {
    const codePoint = view.getUint32(offset, littleEndian);
    const valid = codePoint <= 0x10ffff && (codePoint < 0xd800 || codePoint > 0xdfff);
    if (!valid) replaced = true;
    codePoints.push(valid ? codePoint : REPLACEMENT_CHARACTER);
    if (codePoints.length === CODE_POINTS_PER_CHUNK) {
      chunks.push(String.fromCodePoint(...codePoints));
      codePoints = [];
    }
  }
  if (wholeLength !== bytes.byteLength) codePoints.push(REPLACEMENT_CHARACTER);
  chunks.push(String.fromCodePoint(...codePoints));
  return { text: chunks.join(''), replaced };
}
