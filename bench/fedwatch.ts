/** Rate-cut engine cost: computeFedWatch over a 16-month strip (13 meetings), and the ratecuts command end to end. */
import { performance } from 'node:perf_hooks';
import { allCommands } from '../commands/index.ts';
import { computeFedWatch, nextMonth, type FedWatchInput } from '../src/analytics/fedwatch.ts';
import { createBot } from '../src/bot.ts';
import { createSnapshotMarketData } from '../src/market/snapshot.ts';
import { percentile } from './lib/stats.ts';

async function time(label: string, runs: number, fn: () => unknown): Promise<void> {
  for (let i = 0; i < 200; i++) await fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const fmt = (ms: number) => `${ms.toFixed(4)} ms`;
  console.log(`${label} (${runs} runs)`);
  console.log(`  p50 ${fmt(percentile(times, 50))}  p99 ${fmt(percentile(times, 99))}  max ${fmt(times.at(-1) ?? 0)}`);
}

export default async function bench(): Promise<void> {
  let month = '2026-10';
  const quotes: FedWatchInput['quotes'] = [];
  for (let i = 0; i < 16; i++, month = nextMonth(month)) quotes.push({ month, price: 96.1 + i * 0.02 });
  const input: FedWatchInput = { tradeDate: '2026-09-18', currentTarget: [3.75, 4], quotes };
  console.log(`fedwatch: ${computeFedWatch(input).meetings.length} meetings priced from ${quotes.length} contracts`);
  await time('fedwatch computeFedWatch', 5000, () => computeFedWatch(input));
  const now = () => new Date('2026-09-18T21:00:00Z');
  const bot = createBot({ commands: allCommands, market: createSnapshotMarketData(now), now });
  await time('fedwatch ratecuts command via bot (snapshot, no chart)', 2000, () => bot.run('ratecuts'));
}

if (import.meta.url === `file://${process.argv[1]}`) await bench();
