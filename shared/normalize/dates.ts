const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

const ISO = /^(\d{4})-(\d{2})-(\d{2})/u;
const DAY_MONTH_YEAR = /\b(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{4})\b/iu;
const MONTH_DAY_YEAR = /\b([a-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})\b/iu;

/**
 * The calendar date a source wrote, as YYYY-MM-DD, or null. The date is read as written, in
 * the source's own time zone: "Mon, 01 Jan 2024 23:00:00 -0500" is 1 January, not 2 January UTC.
 */
export function toIsoDate(raw: string | null): string | null {
  if (!raw) return null;
  const text = raw.trim();
  const iso = ISO.exec(text);
  if (iso) return valid(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dmy = DAY_MONTH_YEAR.exec(text);
  if (dmy) return valid(Number(dmy[3]), MONTHS[dmy[2]!.toLowerCase()], Number(dmy[1]));
  const mdy = MONTH_DAY_YEAR.exec(text);
  if (mdy) return valid(Number(mdy[3]), MONTHS[mdy[1]!.toLowerCase()], Number(mdy[2]));
  return null;
}

/** YYYY-MM-DD, or null for a year out of range or a day the calendar does not have. */
function valid(year: number, month: number | undefined, day: number): string | null {
  if (month === undefined || year < 1900 || year > 2200) return null;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${year}-${twoDigits(month)}-${twoDigits(day)}`;
}

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return [4, 6, 9, 11].includes(month) ? 30 : 31;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return leap ? 29 : 28;
}

function twoDigits(value: number): string {
  return String(value).padStart(2, '0');
}
