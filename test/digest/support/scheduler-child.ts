/**
 * One capwatch digest process for the two-process test: runs one scheduler tick on a shared database and
 * delivers over HTTP to the parent's sink. Args: <storeOptionsJson> <sinkUrl> <nowIso> <instanceId>.
 */
import { openStore, type StoreOptions } from '../../../src/store/open.ts';
import { silentLogger } from '../../../src/logger.ts';
import { startScheduler } from '../../../src/digest/scheduler.ts';
import { UNLIMITED } from '../../../src/digest/fanout.ts';
import type { Deliverer, Platform } from '../../../src/digest/deliverer.ts';
import { sampleReply } from './fakes.ts';

const [storeJson, sinkUrl, nowIso, instanceId] = process.argv.slice(2) as [string, string, string, string];

function httpDeliverer(platform: Platform): Deliverer {
  return {
    platform,
    async send(channelId) {
      const res = await fetch(`${sinkUrl}/send`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ platform, channelId, instanceId }),
      });
      if (!res.ok) throw new Error(`sink answered ${res.status}`);
    },
  };
}

const store = await openStore(JSON.parse(storeJson) as StoreOptions);
const scheduler = startScheduler({
  store,
  deliverers: [httpDeliverer('discord'), httpDeliverer('slack')],
  compose: async () => sampleReply(),
  now: () => new Date(nowIso),
  logger: silentLogger,
  cron: false,
  instanceId,
  // A few sends at a time per platform, as with real limits: the work is there to be shared.
  fanout: { limits: { discord: { ...UNLIMITED, concurrency: 4 }, slack: { ...UNLIMITED, concurrency: 4 } } },
});
// Barrier: the parent answers once every process is ready, so both ticks run at the same time.
await fetch(`${sinkUrl}/ready`);
const { outcomes } = await scheduler.tick();
const tally: Record<string, number> = {};
for (const o of outcomes) tally[o.result] = (tally[o.result] ?? 0) + 1;
process.stdout.write(JSON.stringify(tally));
scheduler.stop();
await store.close();
