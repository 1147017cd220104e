import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { matchKeys, mergeCatalog } from '../shared/merge';
import { huggingFacePaperUrl } from '../shared/normalize/arxiv-id';
import { findDoi, findDoiInText, parseDoi } from '../shared/normalize/doi';
import { findPmid, parsePmid } from '../shared/normalize/pmid';
import { canonicalUrl } from '../shared/normalize/url';
import type { Paper } from '../shared/paper';
import { parseFile, parseText } from './parse-file';
import { SAMPLES_DIR } from './shared-paths';

const FIXTURES = new URL('./fixtures/identifiers/', import.meta.url).pathname;
const fixture = (name: string): string => readFileSync(`${FIXTURES}${name}`, 'utf8');

/** The one paper a feed's text lists. */
function onlyPaper(text: string, name: string): Paper {
  const { papers, errors } = parseText(text, name);
  expect(errors).toEqual([]);
  expect(papers).toHaveLength(1);
  return papers[0]!;
}

/** A one-item RSS feed, as an alert service or a reading list would send it. */
const oneItemFeed = (title: string, link: string, description = ''): string =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Alerts</title><item><title>${title}</title>` +
  `<link>${link.replaceAll('&', '&amp;')}</link><description>${description}</description></item></channel></rss>`;

describe('DOIs read from links and identifiers', () => {
  it.each([
    ['https://doi.org/10.1099/ijsem.0.005019?track=rss', '10.1099/ijsem.0.005019'],
    ['https://www.microbiologyresearch.org/content/journal/ijsem/10.1099/ijsem.0.005019?TRACK=RSS', '10.1099/ijsem.0.005019'],
    ['https://onlinelibrary.wiley.com/doi/full/10.1002/agj2.21017?af=R', '10.1002/agj2.21017'],
    ['https://www.tandfonline.com/doi/abs/10.1080/01431161.2025.2450564?ai=179&mi=l49ppp&af=R', '10.1080/01431161.2025.2450564'],
    ['https://ijs.microbiologyresearch.org/content/journal/ijsem/10.1099/ijs.0.062737-0#tab2', '10.1099/ijs.0.062737-0'],
    ['https://doi.org/10.1000/xyz123/', '10.1000/xyz123'],
    // The DOI in the query: PLOS article links, Wiley's resolver.
    ['https://journals.plos.org/plosone/article?id=10.1371/journal.pone.0312345', '10.1371/journal.pone.0312345'],
    ['http://onlinelibrary.wiley.com/resolve/doi?DOI=10.1111%2Finr.12258', '10.1111/inr.12258'],
    // Publisher links that go on past the DOI.
    ['https://academic.oup.com/nar/advance-article/doi/10.1093/nar/gkab1111/6439675?rss=1', '10.1093/nar/gkab1111'],
    ['https://www.biorxiv.org/content/10.1101/2024.01.05.574321v2.full', '10.1101/2024.01.05.574321'],
    // Values that are no URL, and punctuation around them.
    ['doi:10.1016/j.jpeds.2018.08.041.', '10.1016/j.jpeds.2018.08.041'],
    ['(doi:10.1016/0010-4655(79)90008-8)', '10.1016/0010-4655(79)90008-8'],
    ['info:doi/10.1126/science.356.6343.1134-a', '10.1126/science.356.6343.1134-a'],
    // SICI DOIs keep their brackets, <…> segment, semicolon and check character.
    ['10.1002/(SICI)1097-4636(199603)30:3<359::AID-JBM10>3.0.CO;2-J', '10.1002/(sici)1097-4636(199603)30:3<359::aid-jbm10>3.0.co;2-j'],
    ['https://doi.org/10.1002/(SICI)1097-4636(199603)30:3%3C359::AID-JBM10%3E3.0.CO;2-J', '10.1002/(sici)1097-4636(199603)30:3<359::aid-jbm10>3.0.co;2-j'],
    ['10.1002/(SICI)1099-0496(199607)22:1<1::AID-PPUL1>3.0.CO;2-#', '10.1002/(sici)1099-0496(199607)22:1<1::aid-ppul1>3.0.co;2-#'],
  ])('%s → %s', (value, doi) => {
    expect(parseDoi(value)).toBe(doi);
  });

  it.each([
    'https://www.tandfonline.com/toc/wjwl20/18/1?ai=1dl&mi=el63dh&af=R',
    'https://example.org/10.1000/.',
    'https://pubmed.ncbi.nlm.nih.gov/41336651/?utm_source=Chrome&utm_medium=rss',
    'Volume 18, Issue 1, January-March 2024, Page 1-14',
  ])('finds none in %s', (value) => {
    expect(parseDoi(value)).toBeNull();
  });

  it('takes the first value that names a DOI', () => {
    expect(findDoi([null, 'pubmed:41336651', 'doi:10.1109/EMBC58623.2025.11252783', 'https://doi.org/10.1000/other'])).toBe(
      '10.1109/embc58623.2025.11252783',
    );
  });
});

describe('a DOI given only in a description', () => {
  it.each([
    // PubMed's last line, and its citation line naming the same DOI.
    ['Annu Int Conf IEEE Eng Med Biol Soc. 2025 Jul;2025:1-7. doi: 10.1109/EMBC58623.2025.11252783.\n\nPMID:41336651 | DOI:10.1109/EMBC58623.2025.11252783', '10.1109/embc58623.2025.11252783'],
    ['Nature Catalysis, Published online: 12 May 2026; doi:10.1038/s41929-026-01535-6', '10.1038/s41929-026-01535-6'],
    ['Junhao Wang, Rui Li\nApplied Geography\nDOI: 10.1016/j.apgeog.2026.104195', '10.1016/j.apgeog.2026.104195'],
    ['Read it at https://doi.org/10.1099/ijsem.0.005019?track=rss.', '10.1099/ijsem.0.005019'],
    // A labelled DOI is the paper's own; a resolver link may name its data.
    ['Data: https://doi.org/10.5061/dryad.2bvq83bp8. PMID:41336651 | DOI:10.1109/EMBC58623.2025.11252783', '10.1109/embc58623.2025.11252783'],
  ])('%s → %s', (text, doi) => {
    expect(findDoiInText(text)).toBe(doi);
  });

  it.each([
    // An erratum names the article it corrects: which DOI is this paper's cannot be told.
    'This corrects the article DOI: 10.3389/fimmu.2023.1234567.\n\nPMID:39000000 | DOI:10.3389/fimmu.2024.7654321',
    'Code at https://doi.org/10.5281/zenodo.1234567 and data at https://doi.org/10.5061/dryad.2bvq83bp8',
    // Neither labelled nor a resolver link.
    'Published at https://onlinelibrary.wiley.com/doi/10.1002/mrm.30541',
    'Values of 10.1002/mrm.30541 in passing',
  ])('gives none for %s', (text) => {
    expect(findDoiInText(text)).toBeNull();
  });
});

describe('canonical URLs', () => {
  it.each([
    // ScienceDirect RSS
    ['https://www.sciencedirect.com/science/article/pii/S1876139919302452?dgcid=rss_sd_all', 'https://www.sciencedirect.com/science/article/pii/S1876139919302452'],
    // Ingenta Edify (Microbiology Society, AIP), LA Times
    ['https://www.microbiologyresearch.org/content/journal/ijsem/10.1099/ijsem.0.005019?TRACK=RSS', 'https://www.microbiologyresearch.org/content/journal/ijsem/10.1099/ijsem.0.005019'],
    ['http://www.latimes.com/business/money/la-fi-mo-federal-reserve-plosser-stimulus-economy-20140310,0,1312750.story?track=rss', 'https://www.latimes.com/business/money/la-fi-mo-federal-reserve-plosser-stimulus-economy-20140310,0,1312750.story'],
    // HighWire, Cell Press
    ['http://biorxiv.org/cgi/content/short/857789v1?rss=1', 'https://biorxiv.org/cgi/content/short/857789v1'],
    ['https://www.jpeds.com/article/S0022-3476(18)31119-3/fulltext?rss=yes', 'https://www.jpeds.com/article/S0022-3476(18)31119-3/fulltext'],
    // Atypon: Wiley, Taylor & Francis, and ACS with parameters of the page's own
    ['https://onlinelibrary.wiley.com/doi/10.1111/mice.13315?af=R', 'https://onlinelibrary.wiley.com/doi/10.1111/mice.13315'],
    ['https://www.tandfonline.com/doi/full/10.1080/19322909.2024.2326687?ai=1dl&mi=el63dh&af=R', 'https://www.tandfonline.com/doi/full/10.1080/19322909.2024.2326687'],
    ['http://pubs.acs.org/doi/abs/10.1021/ic202338z?mi=yfiw1s&af=R&pageSize=20&searchText=toxic', 'https://pubs.acs.org/doi/abs/10.1021/ic202338z?pageSize=20&searchText=toxic'],
    // PubMed RSS, raw spaces and all, and its PMC links
    [
      'https://pubmed.ncbi.nlm.nih.gov/41336651/?utm_source=Mobile Safari UI/WKWebView&utm_medium=rss&utm_campaign=pubmed-2&utm_content=1VMHU6Rqfkbmp1WZiY3ECqj__40TKSFM7lNSANqB9VZOI0iYfd&fc=20251206213128&ff=20251206213308&v=2.18.0.post22+67771e2',
      'https://pubmed.ncbi.nlm.nih.gov/41336651',
    ],
    [
      'https://www.ncbi.nlm.nih.gov/pmc/articles/PMC8923115/?utm_source=Chrome&utm_medium=rss&utm_campaign=pubmed-2&utm_content=1faJNdFX7yLjGwqLern1ecvN56cHqWd4_KPNrthXtjwBb6ukQG&fc=20200716093347&ff=20220318030229&v=2.17.6',
      'https://www.ncbi.nlm.nih.gov/pmc/articles/PMC8923115',
    ],
    // Whitespace as browsers read it
    ['https://example.org/a b?q=c d', 'https://example.org/a%20b?q=c%20d'],
    ['https://example.org/long/\npath', 'https://example.org/long/path'],
  ])('%s → %s', (value, url) => {
    expect(canonicalUrl(value)).toBe(url);
  });

  it.each([
    // These names are a page's own where no feed signature stands beside them.
    'https://www.youtube.com/watch?v=abc123',
    'https://www.ncbi.nlm.nih.gov/nuccore/NC_000001?report=graph&v=10000:20000',
    'https://erp.example.com/app?cmp=USMF&mi=LedgerJournalTable',
    'https://example.org/feed?rss=atom',
  ])('keeps %s as it is', (value) => {
    expect(canonicalUrl(value)).toBe(value);
  });

  it('still refuses a host with a space in it', () => {
    expect(canonicalUrl('https://exa mple.org/paper')).toBeNull();
  });
});

describe('PubMed ids', () => {
  it.each([
    ['https://pubmed.ncbi.nlm.nih.gov/41336651', '41336651'],
    ['https://pubmed.ncbi.nlm.nih.gov/41336651/?utm_source=Chrome', '41336651'],
    ['http://www.ncbi.nlm.nih.gov/pubmed/16354850', '16354850'],
    ['pmid:41336651', '41336651'],
    ['PMID: 12345678', '12345678'],
    ['pubmed:41336651', '41336651'],
    ['info:pmid/024456256', '24456256'],
  ])('%s → %s', (value, pmid) => {
    expect(parsePmid(value)).toBe(pmid);
  });

  it.each(['https://www.ncbi.nlm.nih.gov/pmc/articles/PMC8923115', 'https://pubmed.ncbi.nlm.nih.gov/?term=autism', 'PMID: 0', 'doi:10.1109/x'])(
    'finds none in %s',
    (value) => {
      expect(parsePmid(value)).toBeNull();
    },
  );

  it('takes the first value that names one', () => {
    expect(findPmid([null, 'https://example.org/41336651', 'https://www.ncbi.nlm.nih.gov/pubmed/16354850'])).toBe('16354850');
  });
});

describe('a PubMed id given only as an identifier', () => {
  it('links to PubMed, and merges with a listing of the paper by its PubMed link', () => {
    const item = (title: string, fields: string) => `<item><title>${title}</title>${fields}</item>`;
    const feed = (items: string) =>
      `<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Journal</title><link>https://example.org/</link>${items}</channel></rss>`;
    const withDoi = onlyPaper(feed(item('Sleep and memory in older adults', '<dc:identifier>pmid:41336651</dc:identifier><dc:identifier>doi:10.1109/EMBC58623.2025.11252783</dc:identifier>')), 'journal.xml');
    expect(withDoi).toMatchObject({ id: 'doi:10.1109/embc58623.2025.11252783', links: { abs: 'https://pubmed.ncbi.nlm.nih.gov/41336651' } });
    const earlier = onlyPaper(feed(item('Sleep and memory in older adults: a cohort', '<link>https://pubmed.ncbi.nlm.nih.gov/41336651/?utm_source=Chrome&amp;utm_medium=rss</link>')), 'pubmed.xml');
    expect(mergeCatalog([withDoi, earlier])).toHaveLength(1);
  });
});

describe('Hugging Face paper pages', () => {
  it.each([
    ['2401.01234', 'https://huggingface.co/papers/2401.01234'],
    ['0704.0001', 'https://huggingface.co/papers/0704.0001'],
    ['hep-th/9901001', null],
    ['math.GT/0309136', null],
  ])('%s → %s', (arxivId, url) => {
    expect(huggingFacePaperUrl(arxivId)).toBe(url);
  });
});

describe('real feed items, through the parser', () => {
  it('ScienceDirect: the link loses ?dgcid=rss_sd_all, and a clean listing of the article is the same paper', () => {
    const text = fixture('sciencedirect-clinical-simulation.xml');
    const paper = onlyPaper(text, 'sciencedirect.xml');
    const article = 'https://www.sciencedirect.com/science/article/pii/S1876139919302452';
    expect(paper).toMatchObject({ id: `url:${article}`, url: article, doi: null, links: { abs: article } });

    const clean = onlyPaper(text.replace('?dgcid=rss_sd_all', ''), 'sciencedirect-clean.xml');
    expect(mergeCatalog([paper, clean])).toHaveLength(1);
  });

  it('Microbiology Society: the DOI in a ?TRACK=RSS link is the bare DOI', () => {
    const paper = onlyPaper(fixture('microbiology-society-ijsem.xml'), 'ijsem.xml');
    expect(paper).toMatchObject({
      id: 'doi:10.1099/ijsem.0.005019',
      doi: '10.1099/ijsem.0.005019',
      url: null,
      links: {
        abs: 'https://www.microbiologyresearch.org/content/journal/ijsem/10.1099/ijsem.0.005019',
        doi: 'https://doi.org/10.1099/ijsem.0.005019',
      },
    });
  });

  it('listings of one paper through a ?track=rss DOI link and a clean doi.org link merge into one', () => {
    const title = 'Stand-in title for the IJSEM article 10.1099/ijsem.0.005019';
    const listings = [
      onlyPaper(fixture('microbiology-society-ijsem.xml'), 'ijsem.xml'),
      onlyPaper(oneItemFeed(title, 'https://doi.org/10.1099/ijsem.0.005019?track=rss'), 'tracked.xml'),
      onlyPaper(oneItemFeed(title, 'https://doi.org/10.1099/ijsem.0.005019'), 'clean.xml'),
    ];
    const merged = mergeCatalog(listings);
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ id: 'doi:10.1099/ijsem.0.005019', doi: '10.1099/ijsem.0.005019' });
    expect(merged[0]!.listings.map((listing) => listing.file).sort()).toEqual(['clean.xml', 'ijsem.xml', 'tracked.xml']);
  });

  it('PubMed: a link with raw spaces is kept, encoded and clean, and the PMID is a merge key after the DOI', () => {
    const paper = onlyPaper(fixture('pubmed-41336651.xml'), 'pubmed.xml');
    expect(paper).toMatchObject({
      id: 'doi:10.1109/embc58623.2025.11252783',
      doi: '10.1109/embc58623.2025.11252783',
      links: { abs: 'https://pubmed.ncbi.nlm.nih.gov/41336651' },
    });
    const keys = matchKeys(paper);
    expect(keys.slice(0, 2)).toEqual(['doi:10.1109/embc58623.2025.11252783', 'pmid:41336651']);
  });

  it('PubMed: a listing from before PubMed knew the DOI, and an old-style PubMed link, are the same paper', () => {
    const text = fixture('pubmed-41336651.xml');
    // Derived: the same item without its DOI, as PubMed lists a paper before the publisher registers one.
    const withoutDoi = text
      .replace(/<dc:identifier>doi:[^<]*<\/dc:identifier>\s*/u, '')
      .replace(' doi: 10.1109/EMBC58623.2025.11252783.', '')
      .replace(' | DOI:&lt;a&gt;10.1109/EMBC58623.2025.11252783&lt;/a&gt;', '');
    const early = onlyPaper(withoutDoi, 'pubmed-early.xml');
    expect(early).toMatchObject({ id: 'url:https://pubmed.ncbi.nlm.nih.gov/41336651', doi: null });

    const title = 'Developing Accessible Assistive Technology for the Deaf and Hard of Hearing by Deploying a Fine-Tuned Deep Neural Network to the Web';
    const oldLink = onlyPaper(oneItemFeed(`${title} (old link)`, 'http://www.ncbi.nlm.nih.gov/pubmed/41336651'), 'old-link.xml');
    const merged = mergeCatalog([onlyPaper(text, 'pubmed.xml'), early, oldLink]);
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ id: 'doi:10.1109/embc58623.2025.11252783', links: { abs: 'https://pubmed.ncbi.nlm.nih.gov/41336651' } });
  });

  it('Taylor & Francis: the link loses ai, mi and af, and without its DOI elements the item still names its DOI', () => {
    const text = fixture('tandf-web-librarianship.xml');
    const paper = onlyPaper(text, 'tandf.xml');
    const expected = {
      id: 'doi:10.1080/19322909.2024.2326687',
      doi: '10.1080/19322909.2024.2326687',
      links: { abs: 'https://www.tandfonline.com/doi/full/10.1080/19322909.2024.2326687' },
    };
    expect(paper).toMatchObject(expected);

    // Derived: the same item with only its link to go by.
    const linkOnly = onlyPaper(text.replace(/<dc:identifier>[^<]*<\/dc:identifier>|<prism:doi>[^<]*<\/prism:doi>/gu, ''), 'tandf-link-only.xml');
    expect(linkOnly).toMatchObject(expected);
    expect(mergeCatalog([paper, linkOnly])).toHaveLength(1);
  });
});

// The first and last need findDoiInText and huggingFacePaperUrl wired into record.ts; the arXiv case bounds that wiring.
describe('wired into the record', () => {
  it('PubMed without a DOI element: the DOI comes from the description', () => {
    const descriptionOnly = fixture('pubmed-41336651.xml').replace(/<dc:identifier>doi:[^<]*<\/dc:identifier>\s*/u, '');
    expect(onlyPaper(descriptionOnly, 'pubmed-description.xml')).toMatchObject({
      id: 'doi:10.1109/embc58623.2025.11252783',
      doi: '10.1109/embc58623.2025.11252783',
    });
  });

  it("an arXiv listing keeps arXiv's DOI, whatever DOIs its abstract links", () => {
    const paper = onlyPaper(
      oneItemFeed('Sparse routing', 'https://arxiv.org/abs/2401.01234', 'Code and weights: https://doi.org/10.5281/zenodo.1234567'),
      'arxiv-with-code-doi.xml',
    );
    expect(paper).toMatchObject({ arxivId: '2401.01234', doi: '10.48550/arxiv.2401.01234' });
  });

  it('links a Hugging Face page for new-style arXiv ids only', () => {
    const [oldStyle] = parseFile(`${SAMPLES_DIR}arxiv-api-atom.xml`).papers;
    expect(oldStyle).toMatchObject({ arxivId: 'hep-ex/0307015', links: { hf: null } });
    const [newStyle] = parseFile(`${SAMPLES_DIR}arxiv-rss2-2024.xml`).papers;
    expect(newStyle!.links.hf).toBe(`https://huggingface.co/papers/${newStyle!.arxivId}`);
  });
});
