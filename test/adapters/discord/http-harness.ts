/** Starts the HTTP interactions endpoint (one or more "instances") on ephemeral ports against the emulator. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REST } from 'discord.js';
import { allCommands } from '../../../commands/index.ts';
import { createInteractionsEndpoint, type InteractionsEndpointOptions } from '../../../adapters/discord/http-interactions.ts';
import { interactionsRoute } from '../../../adapters/discord/http-route.ts';
import { createBot } from '../../../src/bot.ts';
import { createChartService } from '../../../src/charts/index.ts';
import { silentLogger } from '../../../src/logger.ts';
import { DiscordEmulator } from '../../emulators/discord/emulator.ts';
import { InteractionSigner } from '../../emulators/discord/signed-http.ts';
import { market, now } from './harness.ts';

export interface HttpInstance {
  url: string;
  server: Server;
  rest: REST;
}

export interface HttpHarness {
  emu: DiscordEmulator;
  signer: InteractionSigner;
  instances: HttpInstance[];
  close(): Promise<void>;
}

export async function startHttpHarness(opts: { instances?: number; delayMs?: number; charts?: boolean; endpoint?: Partial<InteractionsEndpointOptions> } = {}): Promise<HttpHarness> {
  const emu = await DiscordEmulator.start();
  const signer = new InteractionSigner();
  const dataDir = mkdtempSync(join(tmpdir(), 'capwatch-discord-http-'));
  const instances: HttpInstance[] = [];
  for (let i = 0; i < (opts.instances ?? 1); i++) {
    // Each instance has its own bot, REST client and server: nothing shared but the emulator.
    const services = opts.charts ? { charts: createChartService({ cacheDir: join(dataDir, `charts-${i}`) }) } : {};
    const bot = createBot({ commands: allCommands, market: market(opts.delayMs), now, services });
    const rest = new REST({ api: emu.apiUrl }).setToken(emu.token);
    const endpoint = createInteractionsEndpoint({ publicKey: signer.publicKeyHex, appId: emu.applicationId, bot, rest, logger: silentLogger, now, deferAfterMs: 300, ...opts.endpoint });
    const route = interactionsRoute(endpoint);
    const server = createServer((req, res) => {
      if (req.method === route.method && req.url === route.path) void route.handler(req, res);
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    instances.push({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${route.path}`, server, rest });
  }
  return {
    emu,
    signer,
    instances,
    async close() {
      for (const i of instances) {
        i.rest.clearHashSweeper();
        i.rest.clearHandlerSweeper();
        i.server.closeAllConnections();
        await new Promise<void>((resolve) => i.server.close(() => resolve()));
      }
      await emu.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
