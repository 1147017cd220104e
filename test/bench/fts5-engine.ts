import Database from 'better-sqlite3';
import type { Paper } from '../../shared/paper';
import type { SearchEngine } from './measure';

export interface Fts5Figures {
  buildSeconds: number;
  bytes: number;
}

/** bm25 weights by column: id (not indexed), title, authors, abstract, categories. */
const RANK = 'bm25(0.0, 3.0, 2.0, 1.0, 1.0)';

/** Terms ANDed, each quoted so no word is read as FTS5 syntax; a typed query's last term is a prefix. */
export function toMatchExpression(query: string, typed: boolean): string | null {
  const terms = query.match(/[\p{L}\p{N}]+/gu);
  if (!terms) return null;
  return terms.map((term, index) => `"${term}"${typed && index === terms.length - 1 ? '*' : ''}`).join(' ');
}

/** SQLite FTS5 over the same papers, in memory: the reference the app's search is held against. */
export function buildFts5(papers: readonly Paper[]): { engine: SearchEngine; figures: Fts5Figures; close(): void } {
  const db = new Database(':memory:');
  db.exec(`CREATE VIRTUAL TABLE papers USING fts5(id UNINDEXED, title, authors, abstract, categories, prefix='2 3 4', tokenize='unicode61 remove_diacritics 2')`);
  db.exec(`INSERT INTO papers(papers, rank) VALUES('rank', '${RANK}')`);
  const insert = db.prepare('INSERT INTO papers(id, title, authors, abstract, categories) VALUES (?, ?, ?, ?, ?)');
  const started = performance.now();
  db.transaction(() => {
    for (const paper of papers) insert.run(paper.id, paper.title, paper.authors.join(', '), paper.abstract, paper.categories.join(' '));
  })();
  db.exec(`INSERT INTO papers(papers) VALUES('optimize')`);
  const buildSeconds = (performance.now() - started) / 1000;
  const pages = (db.pragma('page_count', { simple: true }) as number) * (db.pragma('page_size', { simple: true }) as number);

  const select = db.prepare<[string], string>('SELECT id FROM papers WHERE papers MATCH ? ORDER BY rank').pluck();
  const run = (query: string, typed: boolean) => {
    const expression = toMatchExpression(query, typed);
    return expression === null ? [] : select.all(expression);
  };
  return {
    engine: { search: (query) => run(query, false), searchTyped: (query) => run(query, true) },
    figures: { buildSeconds, bytes: pages },
    close: () => db.close(),
  };
}
