/** Files larger than this are refused before they are read: no paper feed comes near it. */
export const MAX_FEED_BYTES = 50 * 1024 * 1024;
