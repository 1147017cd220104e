import { localDay } from '../../shared/listing-date';

const DAY = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** A day header's words for a listing date (YYYY-MM-DD): "Today", "Yesterday", else the weekday and date in the user's locale. */
export function dayLabel(day: string, now = new Date()): string {
  if (day === '') return 'No date';
  if (day === localDay(now)) return 'Today';
  if (day === localDay(new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1))) return 'Yesterday';
  return DAY.format(new Date(`${day}T00:00:00Z`));
}
