const DECLARATION_SEARCH_BYTES = 1024;
const ENCODING_DECLARATION = /^\s*<\?xml\s(?:[^?>]*\s)?encoding\s*=\s*(["'])\s*([^"'<>?\s]+)\s*\1/;

/**
 * The encoding="…" label of an XML declaration at the start of the bytes, if any. Read byte by byte as
 * Latin-1: every ASCII-compatible encoding spells the declaration the same way, whatever it is.
 */
export function readDeclaredEncoding(bytes: Uint8Array): string | undefined {
  const head = String.fromCharCode(...bytes.subarray(0, DECLARATION_SEARCH_BYTES));
  return ENCODING_DECLARATION.exec(head)?.[2];
}
