/** A merge key's 32-bit digest (FNV-1a over its UTF-16 code units): the key directory (key-directory.ts) holds these, not the keys. */
export function digestOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < key.length; index++) hash = Math.imul(hash ^ key.charCodeAt(index), 0x01000193);
  return hash >>> 0;
}
