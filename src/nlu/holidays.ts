/** US holidays named in chat ("since labor day", "since thanksgiving") -> dates, via date-holidays. */
import type DateHolidays from 'date-holidays';
import { createRequire } from 'node:module';
import { isoDate, today } from './dates.ts';

/**
 * A word every US holiday name or nickname holds. date-holidays carries every country's data (about 25 MB
 * once loaded), so a question without one of these words never loads it.
 */
export const HOLIDAY_WORD = /\b(?:day|birthday|eve|easter|juneteenth|halloween|thanksgiving|christmas|xmas|mlk|july)\b/;

let us: DateHolidays | undefined;

function usHolidays(): DateHolidays {
  if (us) return us;
  const Holidays: typeof DateHolidays = createRequire(import.meta.url)('date-holidays');
  return (us = new Holidays('US'));
}

/** Chat names for holidays whose official name reads differently. */
const NICKNAMES: Record<string, string> = {
  mlk: 'martin luther king jr day',
  'mlk day': 'martin luther king jr day',
  'presidents day': 'washington birthday',
  'president day': 'washington birthday',
  'july 4th': 'independence day',
  'fourth of july': 'independence day',
  '4th of july': 'independence day',
  thanksgiving: 'thanksgiving day',
  christmas: 'christmas day',
  xmas: 'christmas day',
  easter: 'easter sunday',
};

function simplify(name: string): string {
  return name.toLowerCase().replace(/'s\b/g, '').replace(/\([^)]*\)/g, '').replace(/[^a-z0-9 ]/g, '').replace(/\s+/g, ' ').trim();
}

const byYear = new Map<number, { name: string; date: string }[]>();

function holidaysOf(year: number): { name: string; date: string }[] {
  let list = byYear.get(year);
  if (!list) {
    list = usHolidays().getHolidays(year).map((h) => ({ name: simplify(h.name), date: h.date.slice(0, 10) }));
    byYear.set(year, list);
  }
  return list;
}

export interface HolidayMention {
  index: number;
  /** The most recent day on or before today with that holiday, YYYY-MM-DD. */
  date: string;
}

/** The first holiday the text names, dated to its latest occurrence up to today. */
export function findPastHoliday(text: string, now: Date): HolidayMention | undefined {
  if (!HOLIDAY_WORD.test(text)) return undefined;
  const t = today(now);
  const todayIso = isoDate(t.year, t.month, t.day);
  const dated = [t.year, t.year - 1].flatMap(holidaysOf);
  const names = new Map<string, string>();
  for (const h of dated) names.set(h.name, h.name);
  for (const [nick, official] of Object.entries(NICKNAMES)) names.set(nick, official);
  let best: HolidayMention | undefined;
  for (const [spoken, official] of names) {
    const index = ` ${text} `.indexOf(` ${spoken} `);
    if (index < 0 || (best && best.index <= index)) continue;
    const date = dated.filter((h) => h.name === official && h.date <= todayIso).map((h) => h.date).sort().at(-1);
    if (date) best = { index, date };
  }
  return best;
}
