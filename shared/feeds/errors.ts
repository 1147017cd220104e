/** The one error a parser throws: the reason a file could not be read as a feed. */
export class FeedParseError extends Error {
  override readonly name = 'FeedParseError';
}
