/** Starts the emulator and the real adapter (startDiscord) around a bot built from the real router. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allCommands } from '../../../commands/index.ts';
import { startDiscord, type DiscordHandle, type DiscordOptions } from '../../../adapters/discord/index.ts';
import { createBot } from '../../../src/bot.ts';
import type { Bot } from '../../../src/bot-types.ts';
import { createChartService } from '../../../src/charts/index.ts';
import type { CommandDecl } from '../../../src/command.ts';
import type { MarketData } from '../../../src/market/types.ts';
import { DiscordEmulator, type DiscordEmulatorOptions, type RecordedFile } from '../../emulators/discord/emulator.ts';
import type { InteractionPayload } from '../../emulators/discord/interactions.ts';
import { fakeMarket, weekdayBars } from '../../helpers/fake-market.ts';

export const now = () => new Date('2025-09-10T21:00:00Z');

const SYMBOLS = ['IWM', '^RUT', 'IJR', 'IWN', 'IWO', 'SPY', 'QQQ', 'MDY', 'RSP', '^GSPC'];

export function market(delayMs = 0): MarketData {
  const series = Object.fromEntries(
    SYMBOLS.map((s, k) => [s, weekdayBars('2014-01-01', '2025-09-10', (i) => 100 + (k + 1) * 0.01 * i + Math.sin(i / 7) * 3)]),
  );
  return fakeMarket(series, { delayMs, now });
}

export interface Harness {
  emu: DiscordEmulator;
  discord: DiscordHandle;
  bot: Bot;
  dataDir: string;
  close(): Promise<void>;
}

export async function startHarness(
  opts: {
    delayMs?: number;
    commands?: readonly CommandDecl[];
    charts?: boolean;
    adapter?: Partial<DiscordOptions>;
    emulator?: DiscordEmulatorOptions;
    /** Extra services built in the temp DATA_DIR (e.g. subscriptions over SQLite). */
    services?: (dataDir: string) => Record<string, unknown>;
  } = {},
): Promise<Harness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'capwatch-discord-'));
  const emu = await DiscordEmulator.start(opts.emulator);
  const services = {
    ...(opts.charts ? { charts: createChartService({ cacheDir: join(dataDir, 'cache', 'charts') }) } : {}),
    ...opts.services?.(dataDir),
  };
  const bot = createBot({ commands: opts.commands ?? allCommands, market: market(opts.delayMs), now, services });
  const discord = await startDiscord({ token: emu.token, appId: emu.applicationId, apiUrl: emu.apiUrl, bot, now, ...opts.adapter });
  return {
    emu,
    discord,
    bot,
    dataDir,
    async close() {
      await discord.stop();
      await emu.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Answer {
  /** How the answer arrived: an immediate reply (type 4), or a deferral then an edit or an ephemeral follow-up. */
  via: 'reply' | 'edit' | 'followup';
  callbackType: number;
  payload: {
    embeds: { title?: string; description?: string; color?: number; fields?: { name: string; value: string; inline?: boolean }[]; image?: { url: string }; footer?: { text: string }; timestamp?: string }[];
    allowed_mentions?: unknown;
    flags?: number;
    attachments?: { id: string | number; filename?: string }[];
  };
  files: RecordedFile[];
}

/** Waits for the interaction's visible answer, whichever path it took. */
export async function answerOf(emu: DiscordEmulator, sent: InteractionPayload, timeoutMs = 10_000): Promise<Answer> {
  const callback = await emu.waitForRequest((r) => r.path === `/interactions/${sent.id}/${sent.token}/callback`, timeoutMs);
  const body = callback.json as { type: number; data: Answer['payload'] };
  if (body.type !== 5) return { via: 'reply', callbackType: body.type, payload: body.data, files: callback.files };
  const prefix = `/webhooks/${emu.applicationId}/${sent.token}`;
  const done = await emu.waitForRequest(
    (r) => (r.method === 'PATCH' && r.path === `${prefix}/messages/@original`) || (r.method === 'POST' && r.path === prefix),
    timeoutMs,
  );
  return { via: done.method === 'PATCH' ? 'edit' : 'followup', callbackType: 5, payload: done.json as Answer['payload'], files: done.files };
}
