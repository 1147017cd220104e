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
      <ChoiceGroup legend="Mark a paper read" name="mark-read" choices={MARK_READ} value={settings.markRead} onChange={(markRead) => store.update({ markRead })} />
      <ChoiceGroup legend="Theme" name="theme" choices={THEMES} value={settings.theme} onChange={(theme) => store.update({ theme })} />
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

interface ChoiceGroupProps<T extends string> {
  legend: string;
  name: string;
  choices: { value: T; label: string }[];
  value: T;
  onChange: (value: T) => void;
}

function ChoiceGroup<T extends string>({ legend, name, choices, value, onChange }: ChoiceGroupProps<T>) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {choices.map((choice) => (
        <label key={choice.value}>
          <input type="radio" name={name} checked={value === choice.value} onChange={() => onChange(choice.value)} /> {choice.label}
        </label>
      ))}
    </fieldset>
  );
}
