/**
 * FOMC rate-decision days (the second day of two-day meetings), as published by the Federal Reserve.
 * To extend: append the next year's dates, ascending. The calendar is taken to be complete through
 * December 31 of the year of its last entry; months after that are unknown.
 */
export const FOMC_DECISIONS: readonly string[] = [
  // 2025
  '2025-01-29', '2025-03-19', '2025-05-07', '2025-06-18', '2025-07-30', '2025-09-17', '2025-10-29', '2025-12-10',
  // 2026
  '2026-01-28', '2026-03-18', '2026-04-29', '2026-06-17', '2026-07-29', '2026-09-16', '2026-10-28', '2026-12-09',
  // 2027
  '2027-01-27', '2027-03-17', '2027-04-28', '2027-06-09', '2027-07-28', '2027-09-15', '2027-10-27', '2027-12-08',
];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Decision days strictly after `date` (YYYY-MM-DD), ascending. */
export function meetingsAfter(date: string, calendar: readonly string[] = FOMC_DECISIONS): string[] {
  return sortedCalendar(calendar).filter((d) => d > date);
}

/** The first decision day strictly after `date`, or undefined when the calendar has run out. */
export function nextMeeting(date: string, calendar: readonly string[] = FOMC_DECISIONS): string | undefined {
  return meetingsAfter(date, calendar)[0];
}

/** The decision day in a contract month (YYYY-MM), if any. */
export function meetingInMonth(month: string, calendar: readonly string[] = FOMC_DECISIONS): string | undefined {
  return calendar.find((d) => d.startsWith(`${month}-`));
}

/** Last month (YYYY-MM) the calendar is known to cover: December of its last year. */
export function calendarCoversThrough(calendar: readonly string[] = FOMC_DECISIONS): string | undefined {
  const last = sortedCalendar(calendar).at(-1);
  return last === undefined ? undefined : `${last.slice(0, 4)}-12`;
}

function sortedCalendar(calendar: readonly string[]): string[] {
  for (const d of calendar) {
    if (!ISO_DATE.test(d)) throw new Error(`FOMC calendar entry "${d}" is not a YYYY-MM-DD date`);
  }
  return [...calendar].sort();
}
