/** Editions: one digest per market day, composed once and shared by every channel that receives it. */
import { DateTime } from 'luxon';
import type { Reply } from '../reply.ts';
import { isTradingDay, previousTradingDay } from './calendar.ts';

/** Closing data is taken as settled this long after the 16:00 New York close. */
const SETTLED_AFTER = { hour: 16, minute: 30 };

/** The market date of the latest settled NYSE session at `now`: the edition a digest sent then carries. */
export function editionDate(now: Date): string {
  const ny = DateTime.fromJSDate(now, { zone: 'America/New_York' });
  const today = ny.toISODate()!;
  const settled = ny.hour > SETTLED_AFTER.hour || (ny.hour === SETTLED_AFTER.hour && ny.minute >= SETTLED_AFTER.minute);
  return settled && isTradingDay(today) ? today : previousTradingDay(today, false);
}

export interface Edition {
  /** Market date, YYYY-MM-DD. */
  date: string;
  reply: Reply;
}

export type Compose = (now: Date) => Promise<Reply>;

export interface EditionCache {
  /** The edition for `now`, composing it only if this market date has not been composed yet. */
  get(now: Date): Promise<Edition>;
  /** How many times compose ran in this process (one per edition unless a compose failed; none when another instance composed it). */
  readonly composed: number;
}

/** Keeps the last few editions; concurrent callers share one compose; a failed compose is retried next time. */
export function createEditionCache(
  compose: Compose,
  keep = 3,
  dateOf: (now: Date) => string = editionDate,
  /** Across instances (see shared-editions.ts): composes only when no other instance has or is composing this date. */
  shared?: (compose: Compose) => (now: Date, date: string) => Promise<Reply>,
): EditionCache {
  const counted: Compose = (now) => {
    composed++;
    return compose(now);
  };
  const make = shared ? shared(counted) : (now: Date) => counted(now);
  const cache = new Map<string, Promise<Edition>>();
  let composed = 0;
  return {
    get composed() {
      return composed;
    },
    get(now) {
      const date = dateOf(now);
      let pending = cache.get(date);
      if (!pending) {
        pending = make(now, date).then((reply) => ({ date, reply }));
        pending.catch(() => cache.delete(date));
        cache.set(date, pending);
        while (cache.size > keep) cache.delete(cache.keys().next().value!);
      }
      return pending;
    },
  };
}
