import { BACKUP_FORMAT, BACKUP_VERSION, type BackupDocument, type BackupMark } from './backup-format';

/** A file that cannot be restored; the message says why, for the user. */
export class BackupError extends Error {
  override name = 'BackupError';
}

/** Times as toISOString writes them: only this one form compares correctly as text. */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Reads a backup file's text, or throws a BackupError naming the first thing wrong with it. */
export function parseBackup(text: string): BackupDocument {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new BackupError('This file is not a Paperdrop backup: it is not JSON.');
  }
  if (!isObject(json) || json.format !== BACKUP_FORMAT) throw new BackupError(`This file is not a Paperdrop backup: it has no "format": "${BACKUP_FORMAT}".`);
  if (json.version !== BACKUP_VERSION) {
    throw new BackupError(`This backup is format version ${JSON.stringify(json.version)}; this Paperdrop reads version ${BACKUP_VERSION} only.`);
  }
  if (!isTime(json.exportedAt)) damaged('exportedAt is not a time');
  if (!isObject(json.settings)) damaged('settings is not an object');
  if (!Array.isArray(json.marks)) damaged('marks is not a list');
  json.marks.forEach(checkMark);
  return json as unknown as BackupDocument;
}

function checkMark(mark: unknown, index: number): asserts mark is BackupMark {
  const at = `marks[${index}]`;
  if (!isObject(mark)) damaged(`${at} is not an object`);
  if (typeof mark.paperId !== 'string' || mark.paperId === '') damaged(`${at}.paperId is not an id`);
  for (const field of ['read', 'starred'] as const) {
    if (typeof mark[field] !== 'boolean') damaged(`${at}.${field} is not true or false`);
    if (mark[`${field}At`] !== null && !isTime(mark[`${field}At`])) damaged(`${at}.${field}At is not a time or null`);
  }
}

function damaged(what: string): never {
  throw new BackupError(`This Paperdrop backup is damaged: ${what}.`);
}

function isObject(value: unknown): value is { [key: string]: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isTime(value: unknown): value is string {
  return typeof value === 'string' && ISO_TIME.test(value) && !Number.isNaN(Date.parse(value));
}
