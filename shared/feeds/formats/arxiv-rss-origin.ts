/** Where arXiv serves its listings, up to the end of the host (or of `arxiv.org/rss`). */
const ARXIV_FEED_URL = String.raw`https?://(?:rss\.arxiv\.org|export\.arxiv\.org|(?:www\.)?arxiv\.org/rss)(?=[/?#"'<\s])`;
const CHANNEL_LINK = new RegExp(String.raw`<link>\s*${ARXIV_FEED_URL}`, 'iu');
/** `<atom:link href="https://rss.arxiv.org/rss/cs.CL" rel="self" …/>`, under whatever prefix. */
const HREF_LINK = new RegExp(String.raw`<(?:[\w.-]+:)?link\s[^>]*\bhref\s*=\s*["']\s*${ARXIV_FEED_URL}`, 'iu');
/** arXiv titles its channel "cs.CL updates on arXiv.org" and describes it as "… updates on the arXiv.org e-print archive." */
const ARXIV_CHANNEL_TEXT = /<(title|description)>[^<]*\bupdates on (?:the )?arXiv\.org\b[^<]*<\/\1>/iu;
const ARXIV_NAMESPACE_PREFIX = /\sxmlns:([\w.-]+)\s*=\s*(?:"http:\/\/arxiv\.org\/schemas\/atom"|'http:\/\/arxiv\.org\/schemas\/atom')/gu;
const FIRST_ITEM = /<item[\s>]/u;

/**
 * True when the head of an RSS document shows it is one of arXiv's own listings, or a copy that
 * keeps arXiv's markup: a channel served from arXiv, titled as arXiv titles it, or items that carry
 * arXiv's `announce_type` element in arXiv's namespace. A digest that only links its items to
 * arxiv.org/abs is someone else's feed.
 */
export function isArxivsOwnRss(head: string): boolean {
  const firstItem = head.search(FIRST_ITEM);
  const channel = firstItem < 0 ? head : head.slice(0, firstItem);
  return CHANNEL_LINK.test(channel) || HREF_LINK.test(channel) || ARXIV_CHANNEL_TEXT.test(channel) || carriesAnnounceType(head);
}

function carriesAnnounceType(head: string): boolean {
  return [...head.matchAll(ARXIV_NAMESPACE_PREFIX)].some(([, prefix]) => head.includes(`<${prefix}:announce_type>`));
}
