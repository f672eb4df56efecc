/** The Discord HTTP interactions endpoint as routes for PORT, independent of the gateway (any instance serves it). */
import { REST } from 'discord.js';
import type { Bot } from '../../src/bot-types.ts';
import type { Route } from '../../src/http/route.ts';
import type { Logger } from '../../src/logger.ts';
import { createInteractionsEndpoint } from './http-interactions.ts';
import { interactionsRoute } from './http-route.ts';

export interface DiscordHttpOptions {
  publicKey: string;
  appId: string;
  token: string;
  apiUrl?: string;
  bot: Bot;
  logger: Logger;
  now: () => Date;
  deferAfterMs?: number;
  clickPolicy?: 'anyone' | 'owner';
}

export function discordHttpRoutes(opts: DiscordHttpOptions): { routes: Route[]; stop(): Promise<void> } {
  const rest = new REST(opts.apiUrl ? { api: opts.apiUrl } : {}).setToken(opts.token);
  const endpoint = createInteractionsEndpoint({ ...opts, rest, deferAfterMs: opts.deferAfterMs ?? 300 });
  return {
    routes: [interactionsRoute(endpoint)],
    async stop() {
      await endpoint.drain(5000);
      rest.clearHashSweeper();
      rest.clearHandlerSweeper();
    },
  };
}
