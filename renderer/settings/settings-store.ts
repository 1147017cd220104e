import { LocalStore } from './local-store';

/** When opening a paper marks it read. */
export type MarkReadWhen = 'on-open' | 'after-delay' | 'never';
export type Theme = 'system' | 'light' | 'dark';

export interface Settings {
  markRead: MarkReadWhen;
  theme: Theme;
}

export const DEFAULT_SETTINGS: Settings = { markRead: 'on-open', theme: 'system' };

/** How long a paper must stay open to count as read, with "after-delay". */
export const MARK_READ_DELAY_MS = 2000;

const STORAGE_KEY = 'paperdrop.settings';
const CHOICES: { [K in keyof Settings]: readonly Settings[K][] } = {
  markRead: ['on-open', 'after-delay', 'never'],
  theme: ['system', 'light', 'dark'],
};

/** The known settings in any value (a backup's, the stored one): each field that is a valid choice, else its default. */
export function readSettings(value: unknown): Settings {
  const given = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const pick = <K extends keyof Settings>(key: K): Settings[K] =>
    (CHOICES[key] as readonly unknown[]).includes(given[key]) ? (given[key] as Settings[K]) : DEFAULT_SETTINGS[key];
  return { markRead: pick('markRead'), theme: pick('theme') };
}

/** The reader's settings, kept in this profile's localStorage. */
export class SettingsStore extends LocalStore<Settings> {
  constructor(storage?: Pick<Storage, 'getItem' | 'setItem'>) {
    super(STORAGE_KEY, readSettings, storage);
  }
}
