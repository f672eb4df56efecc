/** The setup the fan-out tests share: a scheduler over a test store, recording deliverers, a clock to move. */
import { silentLogger, type Logger } from '../../../src/logger.ts';
import { startScheduler } from '../../../src/digest/scheduler.ts';
import { UNLIMITED } from '../../../src/digest/fanout.ts';
import { openTestStore } from '../../helpers/store.ts';
import { countingCompose, recordingDeliverer, type Behaviour } from './fakes.ts';

// Monday 2025-11-24, 08:30 in New York.
export const SEND = new Date('2025-11-24T13:30:00Z');
export const CREATED = new Date('2025-11-20T12:00:00Z');

export async function setup(opts: { discord?: Behaviour; slack?: Behaviour; sleeps?: number[]; sleep?: (ms: number) => Promise<void>; limits?: boolean; logger?: Logger }) {
  let now = CREATED;
  const db = await openTestStore();
  const { compose, counts } = countingCompose();
  const discord = recordingDeliverer('discord', opts.discord);
  const slack = recordingDeliverer('slack', opts.slack);
  const sleeps = opts.sleeps ?? [];
  const scheduler = startScheduler({
    store: db,
    // The test's clock stands in for the real one, so ledger retry pauses pass as it moves.
    ledger: { clock: () => now.getTime() },
    deliverers: [discord.deliverer, slack.deliverer],
    compose,
    now: () => now,
    logger: opts.logger ?? silentLogger,
    cron: false,
    fanout: {
      ...(opts.limits === false ? {} : { limits: { discord: UNLIMITED, slack: UNLIMITED } }),
      sleep: opts.sleep ?? (async (ms) => void sleeps.push(ms)),
    },
  });
  return { db, scheduler, discord, slack, counts, sleeps, setNow: (d: Date) => (now = d) };
}
