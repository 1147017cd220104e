import { useEffect, useEffectEvent } from 'react';
import { commandForKeys, isPrefix, keyOf } from './keys';
import type { Command } from './registry';

/** How long after "g" its second key still counts. */
const SEQUENCE_MS = 1500;

const isTextField = (element: Element) =>
  element instanceof HTMLTextAreaElement ||
  element instanceof HTMLSelectElement ||
  (element instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'submit', 'reset'].includes(element.type)) ||
  (element instanceof HTMLElement && element.isContentEditable);

/**
 * Runs the registry's commands from key presses wherever focus is: not in text fields, where Esc
 * leaves the field instead, and not in an open dialog. Enter and Space keep their own meaning on
 * buttons and links outside the paper list.
 */
export function useKeyboardCommands(run: (command: Command) => void, leaveField: (field: Element) => void): void {
  // Effect events: the listener added once always calls the latest callbacks given.
  const runCommand = useEffectEvent(run);
  const leave = useEffectEvent(leaveField);

  useEffect(() => {
    let prefix: { key: string; at: number } | null = null;
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target instanceof Element ? event.target : document.body;
      if (event.defaultPrevented || target.closest('dialog')) return;
      if (isTextField(target)) {
        if (event.key === 'Escape') {
          event.preventDefault();
          leave(target);
        }
        return;
      }
      const key = keyOf(event);
      if (key === null) return;
      const onControl = target.closest('a, button, summary') !== null && target.closest('[role="list"]') === null;
      if ((key === 'Enter' || key === 'Space') && onControl) return;
      const sequence = prefix && event.timeStamp - prefix.at < SEQUENCE_MS ? `${prefix.key} ${key}` : key;
      prefix = null;
      const command = commandForKeys(sequence);
      if (command) {
        event.preventDefault();
        runCommand(command);
      } else if (isPrefix(key)) {
        event.preventDefault();
        prefix = { key, at: event.timeStamp };
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
