import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allCommands } from '../../../commands/index.ts';
import { buildCommandJson, declForSubcommand, discordName } from '../../../adapters/discord/command-json.ts';
import { registerCommands, sameCommands } from '../../../adapters/discord/registration.ts';
import { defineCommand, type CommandDecl } from '../../../src/command.ts';
import { errorReply } from '../../../src/reply.ts';
import { DiscordEmulator } from '../../emulators/discord/emulator.ts';

const run = async () => errorReply('unused', 'unused');
const many = Array.from({ length: 30 }, (_, i) => ({ value: `v${i}`, label: `Value ${i}` }));

const decls: CommandDecl[] = [
  defineCommand({
    name: 'performance',
    description: 'Relative performance',
    options: [
      { name: 'period', description: 'Period', default: '1m', suggestions: ['1m', '3m'] },
      { name: 'vs', description: 'Benchmark', choices: [{ value: 'sp500', label: 'S&P 500 (SPY)' }, { value: 'nasdaq', label: 'Nasdaq 100 (QQQ)' }] },
      { name: 'symbol', description: 'Ticker', required: true },
      { name: 'wide', description: 'Too many choices', choices: many },
    ],
    run,
  }),
  defineCommand({ name: 'subscribe', description: 'Daily digest here', permission: 'manage', options: [{ name: 'time', description: 'HH:MM', required: true }], run }),
];

describe('buildCommandJson', () => {
  it('puts open commands under /smallcaps and managed ones under /smallcaps-admin with Manage Server', () => {
    expect(buildCommandJson(decls)).toEqual([
      {
        type: 1,
        name: 'smallcaps',
        description: 'Small caps vs large caps: performance, valuation, earnings, rate cuts',
        default_member_permissions: null,
        contexts: [0, 1],
        integration_types: [0],
        options: [
          {
            type: 1,
            name: 'performance',
            description: 'Relative performance',
            options: [
              { type: 3, name: 'symbol', description: 'Ticker', required: true },
              { type: 3, name: 'period', description: 'Period', autocomplete: true },
              {
                type: 3,
                name: 'vs',
                description: 'Benchmark',
                choices: [
                  { name: 'S&P 500 (SPY)', value: 'sp500' },
                  { name: 'Nasdaq 100 (QQQ)', value: 'nasdaq' },
                ],
              },
              { type: 3, name: 'wide', description: 'Too many choices', autocomplete: true },
            ],
          },
        ],
      },
      {
        type: 1,
        name: 'smallcaps-admin',
        description: 'Manage capwatch digests in this server (Manage Server)',
        default_member_permissions: '32',
        contexts: [0],
        integration_types: [0],
        options: [
          { type: 1, name: 'subscribe', description: 'Daily digest here', options: [{ type: 3, name: 'time', description: 'HH:MM', required: true }] },
        ],
      },
    ]);
  });

  it('registers every real command within Discord limits', () => {
    const json = buildCommandJson(allCommands);
    const subs = json.flatMap((c) => c.options.map((o) => o.name));
    expect(subs.sort()).toEqual(allCommands.map((c) => discordName(c.name)).sort());
    for (const top of json) {
      expect(top.description.length).toBeLessThanOrEqual(100);
      for (const sub of top.options) {
        expect(sub.name).toMatch(/^[a-z0-9_-]{1,32}$/);
        expect(sub.description.length).toBeLessThanOrEqual(100);
        for (const o of sub.options ?? []) {
          expect(o.description.length).toBeLessThanOrEqual(100);
          expect(o.choices?.length ?? 0).toBeLessThanOrEqual(25);
          expect(o.choices !== undefined && o.autocomplete === true).toBe(false);
        }
      }
    }
    const managed = allCommands.filter((c) => c.permission === 'manage').map((c) => c.name);
    const admin = json.find((c) => c.name === 'smallcaps-admin');
    expect(admin?.options.map((o) => o.name) ?? []).toEqual(managed);
    if (admin) expect(admin.default_member_permissions).toBe('32');
  });

  it('maps a subcommand back to its declaration, respecting which top-level command it came from', () => {
    expect(declForSubcommand(decls, 'smallcaps', 'performance')?.name).toBe('performance');
    expect(declForSubcommand(decls, 'smallcaps-admin', 'subscribe')?.name).toBe('subscribe');
    expect(declForSubcommand(decls, 'smallcaps', 'subscribe')).toBeUndefined();
    expect(declForSubcommand(decls, 'other', 'performance')).toBeUndefined();
  });
});

describe('sameCommands', () => {
  it('ignores ids and server defaults but sees a changed description or choice', () => {
    const desired = buildCommandJson(decls);
    const stored = desired.map((c, i) => ({ ...c, id: String(i), version: '1', application_id: '9', nsfw: false, dm_permission: true, name_localizations: null }));
    expect(sameCommands(desired, [...stored].reverse())).toBe(true);
    expect(sameCommands(desired, [{ ...stored[0], description: 'old' }, stored[1]])).toBe(false);
    expect(sameCommands(desired, stored.slice(0, 1))).toBe(false);
  });
});

describe('registerCommands against the emulator', () => {
  let emu: DiscordEmulator;
  beforeEach(async () => {
    emu = await DiscordEmulator.start();
  });
  afterEach(async () => {
    await emu.close();
  });

  const puts = () => emu.requests.filter((r) => r.method === 'PUT');

  it('PUTs the first time, not when nothing changed, and again after a change', async () => {
    const opts = { token: emu.token, appId: emu.applicationId, apiUrl: emu.apiUrl, guildId: emu.guildId, commands: allCommands };
    expect(await registerCommands(opts)).toEqual({ changed: true, names: buildCommandJson(allCommands).map((c) => c.name) });
    expect(puts().map((r) => r.path)).toEqual([`/applications/${emu.applicationId}/guilds/${emu.guildId}/commands`]);
    expect(puts()[0]?.json).toEqual(buildCommandJson(allCommands));
    expect(puts()[0]?.authorization).toBe(`Bot ${emu.token}`);

    expect((await registerCommands(opts)).changed).toBe(false);
    expect(puts()).toHaveLength(1);
    expect(emu.requests.filter((r) => r.method === 'GET')).toHaveLength(2);

    const changed = allCommands.map((c) => (c.name === 'performance' ? { ...c, description: 'Changed description' } : c));
    expect((await registerCommands({ ...opts, commands: changed })).changed).toBe(true);
    expect(puts()).toHaveLength(2);
  });

  it('registers globally without --guild', async () => {
    await registerCommands({ token: emu.token, appId: emu.applicationId, apiUrl: emu.apiUrl, commands: decls });
    expect(puts().map((r) => r.path)).toEqual([`/applications/${emu.applicationId}/commands`]);
    expect(emu.state.commands.global.map((c) => c.name)).toEqual(['smallcaps', 'smallcaps-admin']);
  });

  it('fails loudly on a bad token', async () => {
    await expect(registerCommands({ token: 'wrong', appId: emu.applicationId, apiUrl: emu.apiUrl, commands: decls })).rejects.toThrow(/401|Unauthorized/);
  });
});
