/** Every known FOMC decision day (past list and the analytics calendar), up to a date. */
import { PAST_FOMC_DECISIONS } from './fomc-past.ts';

export function fomcBefore(last: string, calendar: readonly string[]): string[] {
  return [...new Set([...PAST_FOMC_DECISIONS, ...calendar])].filter((d) => d <= last).sort();
}
