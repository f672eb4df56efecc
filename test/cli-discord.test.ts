import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli.ts';
import { DiscordEmulator } from './emulators/discord/emulator.ts';

// In a file of its own: run in the same vitest worker after the Slack Web API tests, discord.js's REST
// client threw a TypeError inside @vladfrangu/async_event_emitter (cause not found); a real CLI process runs
// one command and registration passes there and here.
const env = { DATA_DIR: mkdtempSync(join(tmpdir(), 'capwatch-register-')) };

async function cli(e: NodeJS.ProcessEnv, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, e, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('capwatch discord:register', () => {
  it('discord:register PUTs the commands once, then only when they change', async () => {
    const emu = await DiscordEmulator.start();
    try {
      const discordEnv = { ...env, DISCORD_TOKEN: emu.token, DISCORD_APP_ID: emu.applicationId, DISCORD_API_URL: emu.apiUrl };
      const first = await cli(discordEnv, 'discord:register', '--guild', emu.guildId);
      expect(first.code).toBe(0);
      expect(first.out).toBe(`Registered /smallcaps, /smallcaps-admin in guild ${emu.guildId}.`);
      const second = await cli(discordEnv, 'discord:register', '--guild', emu.guildId);
      expect(second.out).toBe('Slash commands already up to date; nothing sent.');
      expect(emu.requests.filter((r) => r.method === 'PUT')).toHaveLength(1);
    } finally {
      await emu.close();
    }
    expect((await cli(env, 'discord:register')).code).toBe(2);
  });

});
