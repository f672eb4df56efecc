/**
 * Slack figures: warm command (Invocation -> Reply -> Block Kit) p50/p99, and first response through the
 * real Bolt app (signed /smallcaps POST -> HTTP ack carrying the answer) against the local Web API.
 */
import { performance } from 'node:perf_hooks';
import { replyToBlockKit } from '../adapters/slack/reply-to-blocks.ts';
import { startHarness } from '../test/adapters/slack/harness.ts';
import { allCommands } from '../commands/index.ts';
import { createBot } from '../src/bot.ts';
import { createSnapshotMarketData } from '../src/market/snapshot.ts';
import { stats } from './lib/stats.ts';

export default async function bench(): Promise<void> {
  const h = await startHarness({ postPublic: false });
  try {
    const now = () => new Date('2025-09-10T21:00:00Z');
    const bot = createBot({ commands: allCommands, market: createSnapshotMarketData(now), now });
    for (const line of ['performance 1d', 'valuation', 'ratecuts', 'earnings']) {
      const total: number[] = [];
      for (let i = 0; i < 1100; i++) {
        const t0 = performance.now();
        replyToBlockKit(await bot.handle(bot.parse(line, 'slash')));
        if (i >= 100) total.push(performance.now() - t0);
      }
      console.log(`warm ${line.padEnd(15)} invocation -> Block Kit: ${stats(total)}`);
    }
    const first = performance.now();
    await h.slash('valuation');
    console.log(`first /smallcaps through Bolt + emulator: ${(performance.now() - first).toFixed(1)} ms`);
    const round: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t0 = performance.now();
      await h.slash('valuation');
      round.push(performance.now() - t0);
    }
    console.log(`signed /smallcaps round trip (ack with answer): ${stats(round)}`);
  } finally {
    await h.close();
  }
}
