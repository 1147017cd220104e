/** What windows-1252 means by bytes 0x80–0x9F; undefined where it leaves them unassigned. */
const WINDOWS_1252_C1 = [
  '€', undefined, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', undefined, 'Ž', undefined,
  undefined, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', undefined, 'ž', 'Ÿ',
];

/**
 * C1 control characters never belong in a feed's text; they are windows-1252 punctuation that was
 * decoded as Latin-1 somewhere upstream ("smart quotes"). Puts the punctuation back.
 */
export function repairC1Controls(text: string): string {
  return text.replace(/[\u0080-\u009f]/gu, (control) => WINDOWS_1252_C1[control.charCodeAt(0) - 0x80] ?? control);
}
