/** What windows-1252 means by bytes 0x80–0x9F; undefined where it leaves them unassigned. */
const WINDOWS_1252_C1 = [
  '€', undefined, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', undefined, 'Ž', undefined,
  undefined, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', undefined, 'ž', 'Ÿ',
];

const C1_CONTROL = /[\u0080-\u009f]/gu;

/**
 * C1 control characters never belong in a feed's text; they are windows-1252 punctuation that was
 * decoded as Latin-1 somewhere upstream ("smart quotes"). Puts the punctuation back.
 */
export function repairC1Controls(text: string): string {
  // On a file of megabytes, String.replace with a callback costs several times this loop.
  let repaired = '';
  let copied = 0;
  C1_CONTROL.lastIndex = 0;
  for (let match = C1_CONTROL.exec(text); match !== null; match = C1_CONTROL.exec(text)) {
    const control = match[0];
    repaired += text.slice(copied, match.index) + (WINDOWS_1252_C1[control.charCodeAt(0) - 0x80] ?? control);
    copied = match.index + control.length;
  }
  return copied === 0 ? text : repaired + text.slice(copied);
}
