const FORMAT = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });

/** "11 Mar 2026" in the user's locale, from an ISO date; empty when there is none. */
export function formatDate(iso: string | null): string {
  return iso ? FORMAT.format(new Date(iso)) : '';
}
