/** Any character outside ASCII, one UTF-16 code unit at a time (a surrogate pair becomes two escapes, which JSON reads back as the pair). */
const NOT_ASCII = /[\u007f-\uffff]/g;

/**
 * JSON text in ASCII alone: every other character written as a \uXXXX escape, which JSON.parse reads
 * back as the same string. Chromium's TextDecoder turns a frame of megabytes into a string about
 * three times faster when every byte is ASCII: one accented name in a batch is enough to lose that.
 */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(NOT_ASCII, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
