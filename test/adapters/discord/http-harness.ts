/** Starts the HTTP interactions endpoint (one or more "instances") on ephemeral ports against the emulator. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allCommands } from '../../../commands/index.ts';
import { discordHttpRoutes, type DiscordHttpOptions } from '../../../adapters/discord/http-endpoint.ts';
import { INTERACTIONS_PATH } from '../../../adapters/discord/http-interactions.ts';
import { serveRoutes, type RouteServer } from '../../../src/http/server.ts';
import { createBot } from '../../../src/bot.ts';
import { createChartService } from '../../../src/charts/index.ts';
import { silentLogger } from '../../../src/logger.ts';
import { DiscordEmulator } from '../../emulators/discord/emulator.ts';
import { InteractionSigner } from '../../emulators/discord/signed-http.ts';
import { market, now } from './harness.ts';

export interface HttpInstance {
  url: string;
  server: RouteServer;
  stop(): Promise<void>;
}

export interface HttpHarness {
  emu: DiscordEmulator;
  signer: InteractionSigner;
  instances: HttpInstance[];
  close(): Promise<void>;
}

export async function startHttpHarness(opts: { instances?: number; delayMs?: number; charts?: boolean; endpoint?: Partial<DiscordHttpOptions> } = {}): Promise<HttpHarness> {
  const emu = await DiscordEmulator.start();
  const signer = new InteractionSigner();
  const dataDir = mkdtempSync(join(tmpdir(), 'capwatch-discord-http-'));
  const instances: HttpInstance[] = [];
  for (let i = 0; i < (opts.instances ?? 1); i++) {
    // Each instance has its own bot, REST client and server: nothing shared but the emulator.
    const services = opts.charts ? { charts: createChartService({ cacheDir: join(dataDir, `charts-${i}`) }) } : {};
    const bot = createBot({ commands: allCommands, market: market(opts.delayMs), now, services });
    const http = discordHttpRoutes({ publicKey: signer.publicKeyHex, appId: emu.applicationId, token: emu.token, apiUrl: emu.apiUrl, bot, logger: silentLogger, now, deferAfterMs: 300, ...opts.endpoint });
    // Served by the shared routes seam on PORT, as in production.
    const server = await serveRoutes(http.routes, 0, (error) => {
      throw error;
    });
    instances.push({ url: `http://127.0.0.1:${server.port}${INTERACTIONS_PATH}`, server, stop: http.stop });
  }
  return {
    emu,
    signer,
    instances,
    async close() {
      for (const i of instances) {
        await i.stop();
        i.server.server.closeAllConnections();
        await i.server.close();
      }
      await emu.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
