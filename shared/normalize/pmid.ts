/** pubmed.ncbi.nlm.nih.gov/<PMID>/ and the older www.ncbi.nlm.nih.gov/pubmed/<PMID>. */
const PUBMED_LINK = /^https?:\/\/(?:pubmed\.ncbi\.nlm\.nih\.gov|(?:www\.)?ncbi\.nlm\.nih\.gov\/pubmed)\/(\d{1,9})(?=$|[/?#])/iu;
/** `pmid:123` and `PMID: 123` (dc:identifier), `pubmed:123` (PubMed's RSS guid), `info:pmid/123` (OpenURL). */
const PMID_LABEL = /^(?:(?:pmid|pubmed)\s*:?\s*|info:pmid\/)(\d{1,9})$/iu;

/** The PubMed id a link or identifier names, without leading zeros, or null. */
export function parsePmid(value: string): string | null {
  const trimmed = value.trim();
  const digits = (PUBMED_LINK.exec(trimmed) ?? PMID_LABEL.exec(trimmed))?.[1];
  if (digits === undefined) return null;
  const pmid = digits.replace(/^0+/u, '');
  return pmid === '' ? null : pmid;
}

/** PubMed's page of a paper, as canonicalUrl writes it. */
export function pubmedPage(pmid: string): string {
  return `https://pubmed.ncbi.nlm.nih.gov/${pmid}`;
}

export function findPmid(values: readonly (string | null)[]): string | null {
  for (const value of values) {
    const pmid = value === null ? null : parsePmid(value);
    if (pmid) return pmid;
  }
  return null;
}
