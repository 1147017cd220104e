/** Files larger than this are refused before they are read: no paper feed comes near it. */
export const MAX_FEED_BYTES = 50 * 1024 * 1024;

/** "2048 MB", "1.5 MB": sizes in the messages that refuse a file. */
export function formatMegabytes(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}
