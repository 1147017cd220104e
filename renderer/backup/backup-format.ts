import type { PaperState } from '../db/records';

/** Whatever settings the UI keeps: any JSON object, stored and given back as it is. */
export type BackupSettings = { [key: string]: unknown };

/** One paper's marks in a backup, each with when it last changed (ISO 8601, UTC; null for never). */
export interface BackupMark {
  paperId: string;
  read: boolean;
  readAt: string | null;
  starred: boolean;
  starredAt: string | null;
}

export const BACKUP_FORMAT = 'paperdrop-backup';
export const BACKUP_VERSION = 1;

export interface BackupDocument {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  settings: BackupSettings;
  marks: BackupMark[];
}

export function toBackupMark({ paperId, read, readAt, starred, starredAt }: PaperState): BackupMark {
  return { paperId, read: read === 1, readAt, starred: starred === 1, starredAt };
}

export function fromBackupMark({ paperId, read, readAt, starred, starredAt }: BackupMark): PaperState {
  return { paperId, read: read ? 1 : 0, readAt, starred: starred ? 1 : 0, starredAt };
}
