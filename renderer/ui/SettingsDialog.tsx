import { useState, type ChangeEvent } from 'react';
import type { MarkReadWhen, Theme } from '../settings/settings-store';
import { useServices, useSettings } from './app-context';
import { ModalDialog } from './ModalDialog';
import { useBackup } from './use-backup';

const MARK_READ: { value: MarkReadWhen; label: string }[] = [
  { value: 'on-open', label: 'When it is opened' },
  { value: 'after-delay', label: 'After it has been open for 2 seconds' },
  { value: 'never', label: 'Never: only with m or the button' },
];
const THEMES: { value: Theme; label: string }[] = [
  { value: 'system', label: 'As the system' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

type Outcome = { ok: boolean; text: string } | null;

/** The dialog "Settings": when papers count as read, the theme, and backing up and restoring marks. */
export function SettingsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { settings: store } = useServices();
  const settings = useSettings();
  const backup = useBackup();
  const [outcome, setOutcome] = useState<Outcome>(null);

  const report = (work: Promise<string>) =>
    work.then(
      (text) => setOutcome({ ok: true, text }),
      (error: unknown) => setOutcome({ ok: false, text: error instanceof Error ? error.message : String(error) }),
    );
  const restore = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    void report(
      backup
        .restore(file)
        .then(({ applied, keptLocal, pending }) => `Restored: ${applied} marks taken, ${keptLocal} kept as newer here, ${pending} waiting for their papers.`),
    );
  };

  return (
    <ModalDialog open={open} onClose={onClose} title="Settings" className="settings-dialog">
      <fieldset>
        <legend>Mark a paper read</legend>
        {MARK_READ.map(({ value, label }) => (
          <label key={value}>
            <input type="radio" name="mark-read" checked={settings.markRead === value} onChange={() => store.update({ markRead: value })} /> {label}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Theme</legend>
        {THEMES.map(({ value, label }) => (
          <label key={value}>
            <input type="radio" name="theme" checked={settings.theme === value} onChange={() => store.update({ theme: value })} /> {label}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Read and star state</legend>
        <button type="button" onClick={() => void report(backup.backUp().then((count) => `Backed up ${count} papers’ marks.`))}>
          Back up read and star state
        </button>
        <label className="file-input">
          Restore from a backup <input type="file" accept=".json,application/json" onChange={restore} />
        </label>
        <p role={outcome?.ok === false ? 'alert' : 'status'} className="dialog-outcome">
          {outcome?.text}
        </p>
      </fieldset>
    </ModalDialog>
  );
}
