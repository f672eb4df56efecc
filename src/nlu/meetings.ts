/** Rate-cut phrases -> `meeting` (next, YYYY-MM-DD or YYYY-MM) and `by` (yearend or YYYY-MM). */
import { findDates, isoDate, today, upcomingMonth } from './dates.ts';

export interface MeetingEntities {
  meeting?: string;
  by?: string;
}

/** "the last meeting", "the previous fed decision", "the most recent fomc". */
const LAST_MEETING = /\b(?:last|previous|latest|most recent|prior) (?:fed |fomc )?(?:meeting|decision|fomc|fed meeting|rate decision)\b/;
/** A question about what already happened: "did the fed cut in september?", "what was decided in july". */
const PAST_TENSE = /\b(?:did|was|were|decided|happened|delivered|went)\b/;

/** The month's most recent occurrence, this one included: "september" in November 2026 is 2026-09. */
function pastMonth(month: number, now: Date): string {
  const t = today(now);
  return `${month <= t.month ? t.year : t.year - 1}-${String(month).padStart(2, '0')}`;
}

const HORIZON_WORD = /\b(?:by|before|until|till|through|thru|ahead of|into|end of|by end of|by the end of)\s+(?:the\s+)?(?:end of\s+)?(?:next\s+)?$/;

export function extractMeeting(text: string, now: Date): MeetingEntities {
  const out: MeetingEntities = {};
  const explicitMeeting = /\bmeeting:(\S+)/.exec(text)?.[1];
  const explicitBy = /\bby:(\S+)/.exec(text)?.[1];
  if (explicitMeeting) out.meeting = explicitMeeting;
  if (explicitBy) out.by = explicitBy;

  const by = horizon(text, now);
  if (!out.by && by) out.by = by;

  if (!out.meeting && /\b(?:next|upcoming|coming) (?:fed |fomc )?(?:meeting|decision|fomc|fed meeting|rate decision)\b|\bnext fomc\b|^ratecuts next\b/.test(text)) {
    out.meeting = 'next';
  }
  if (!out.meeting && LAST_MEETING.test(text)) out.meeting = 'last';
  const past = PAST_TENSE.test(text);
  if (!out.meeting) {
    for (const d of findDates(text, now)) {
      if (HORIZON_WORD.test(text.slice(0, d.index))) continue;
      if (d.day !== undefined && d.year !== undefined) out.meeting = isoDate(d.year, d.month, d.day);
      else if (d.day !== undefined) out.meeting = `${(past ? pastMonth : upcomingMonth)(d.month, now)}-${String(d.day).padStart(2, '0')}`;
      else out.meeting = past && d.year === undefined ? pastMonth(d.month, now) : upcomingMonth(d.month, now, d.year);
      break;
    }
  }
  return out;
}

/** "by year end", "by the end of 2026", "this year", "next year", "by March", "before June 2027". */
function horizon(text: string, now: Date): string | undefined {
  const t = today(now);
  const endYear = /\b(?:by|before|until|till|through|into|at|for)? ?(?:the )?(?:year ?end|end of (?:the |this )?year|eoy|end of ((?:19|20)\d\d))\b/.exec(text);
  if (endYear) {
    const y = endYear[1];
    return y && Number(y) !== t.year ? `${y}-12` : 'yearend';
  }
  if (/\b(?:this year|rest of (?:the )?year|(?:in|during|for) (?:the )?remainder of (?:the )?year)\b/.test(text)) return 'yearend';
  if (/\b(?:next year|(?:by|before|until|through) (?:the )?end of next year)\b/.test(text)) return `${t.year + 1}-12`;
  for (const d of findDates(text, now)) {
    if (!HORIZON_WORD.test(text.slice(0, d.index))) continue;
    return upcomingMonth(d.month, now, d.year);
  }
  const year = /\b(?:by|before|in|during|through|for) ((?:19|20)\d\d)\b(?![-/])/.exec(text)?.[1];
  if (year) return Number(year) === t.year ? 'yearend' : `${year}-12`;
  return undefined;
}
