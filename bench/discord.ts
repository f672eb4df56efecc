/**
 * Discord figures: warm command (Invocation -> Reply -> Discord payload) p50/p99, and first response
 * through the local Discord emulator (INTERACTION_CREATE dispatched -> interaction callback received)
 * with the real discord.js client.
 */
import { performance } from 'node:perf_hooks';
import { allCommands } from '../commands/index.ts';
import { startDiscord } from '../adapters/discord/index.ts';
import { replyToDiscordPayload } from '../adapters/discord/reply-to-discord.ts';
import { createBot } from '../src/bot.ts';
import type { RecordedRequest } from '../test/emulators/discord/emulator.ts';
import { DiscordEmulator } from '../test/emulators/discord/emulator.ts';
import { fakeMarket, weekdayBars } from '../test/helpers/fake-market.ts';
import { stats } from './lib/stats.ts';

const now = () => new Date('2025-09-10T21:00:00Z');
const SYMBOLS = ['IWM', '^RUT', 'IJR', 'SPY', 'QQQ', 'MDY', 'RSP', '^GSPC'];

function bot() {
  const series = Object.fromEntries(SYMBOLS.map((s, k) => [s, weekdayBars('2014-01-01', '2025-09-10', (i) => 100 + (k + 1) * 0.01 * i)]));
  return createBot({ commands: allCommands, market: fakeMarket(series, { now }), now });
}

async function warmCommands(): Promise<void> {
  const b = bot();
  for (const [command, options] of [
    ['performance', { period: '1m' }],
    ['valuation', {}],
    ['ratecuts', {}],
    ['earnings', {}],
  ] as const) {
    const total: number[] = [];
    const render: number[] = [];
    for (let i = 0; i < 1100; i++) {
      const t0 = performance.now();
      const reply = await b.handle(b.invocation(command, options, 'slash'));
      const t1 = performance.now();
      replyToDiscordPayload(reply, { now: now() });
      const t2 = performance.now();
      if (i >= 100) {
        total.push(t2 - t0);
        render.push(t2 - t1);
      }
    }
    console.log(`discord warm ${command}: invocation -> payload ${stats(total)}; payload only ${stats(render)}`);
  }
}

async function emulatorFirstResponse(): Promise<void> {
  const emu = await DiscordEmulator.start();
  const discord = await startDiscord({ token: emu.token, appId: emu.applicationId, apiUrl: emu.apiUrl, bot: bot(), now });
  const samples: number[] = [];
  try {
    for (let i = 0; i < 201; i++) {
      const t0 = performance.now();
      const sent = emu.sendSlash({ subcommand: 'performance', options: { period: i % 2 ? '1m' : '3m' } });
      await new Promise<void>((resolve) => {
        const onRequest = (r: RecordedRequest) => {
          if (!r.path.startsWith(`/interactions/${sent.id}/`)) return;
          emu.off('request', onRequest);
          resolve();
        };
        emu.on('request', onRequest);
      });
      const ms = performance.now() - t0;
      if (i === 0) console.log(`discord first response through emulator, cold: ${ms.toFixed(2)} ms`);
      else samples.push(ms);
    }
    console.log(`discord first response through emulator, warm: ${stats(samples)} (target <= 50 ms)`);
  } finally {
    await discord.stop();
    await emu.close();
  }
}

export default async function bench(): Promise<void> {
  await warmCommands();
  await emulatorFirstResponse();
}

if (import.meta.url === `file://${process.argv[1]}`) await bench();
