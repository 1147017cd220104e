import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** ../shared beside the repository: the read-only feeds and fixtures the tests run on. */
export const SHARED_DIR = fileURLToPath(new URL('../../shared/', import.meta.url));
export const SEEDS_DIR = `${SHARED_DIR}feeds/seeds/`;
export const SEED_FILES = ['000_0d76c9f6c8fe1248.txt', '003_8ae63c15b5b2dd6b.txt'] as const;

if (!existsSync(SEEDS_DIR)) throw new Error(`The tests read ../shared beside the repository; ${SEEDS_DIR} is missing.`);

/** A file under ../shared, as text. */
export const readShared = (path: string): string => readFileSync(SHARED_DIR + path, 'utf8');
