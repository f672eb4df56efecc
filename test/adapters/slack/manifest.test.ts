import { DIGEST_SCOPES } from '../../../adapters/slack/deliverer.ts';
import { describe, it, expect } from 'vitest';
import { BOT_SCOPES, buildManifest, usageHint } from '../../../adapters/slack/manifest.ts';
import type { CommandDecl } from '../../../src/command.ts';
import { errorReply } from '../../../src/reply.ts';
import { allCommands } from '../../../commands/index.ts';

const decl = (name: string, options: CommandDecl['options'] = []): CommandDecl => ({
  name,
  description: `${name} description`,
  options,
  run: async () => errorReply('x', 'y'),
});

const commands = [
  decl('performance', [
    { name: 'period', description: 'period', default: '1m' },
    { name: 'vs', description: 'benchmark' },
  ]),
  decl('subscribe', [{ name: 'time', description: 'local time', required: true }]),
  decl('help'),
];

describe('buildManifest', () => {
  it('builds a Socket Mode manifest without URLs', () => {
    expect(buildManifest(commands, { socketMode: true })).toEqual({
      _metadata: { major_version: 1, minor_version: 1 },
      display_information: {
        name: 'capwatch',
        description: 'Market commentary: small caps versus large caps, valuations and rate-cut pricing.',
        background_color: '#1d3557',
      },
      features: {
        bot_user: { display_name: 'capwatch', always_online: true },
        slash_commands: [
          {
            command: '/smallcaps',
            description: 'Small caps vs large caps: performance, subscribe, help',
            usage_hint: 'performance [period] [vs] | subscribe <time> | help',
            should_escape: false,
          },
        ],
      },
      oauth_config: {
        scopes: {
          bot: [
            'commands',
            'chat:write',
            'chat:write.public',
            'app_mentions:read',
            'files:write',
            'users:read',
            'channels:read',
            'groups:read',
            'channels:history',
            'groups:history',
            'im:read',
            'mpim:read',
          ],
        },
      },
      settings: {
        event_subscriptions: { bot_events: ['app_mention'] },
        interactivity: { is_enabled: true },
        org_deploy_enabled: false,
        socket_mode_enabled: true,
        token_rotation_enabled: false,
      },
    });
  });

  it('points the slash command, events and interactivity at the request URL over HTTP', () => {
    const url = 'https://bot.example.com/slack/events';
    const m = buildManifest(commands, { socketMode: false, requestUrl: url }) as {
      features: { slash_commands: { url?: string }[] };
      settings: Record<string, unknown>;
    };
    expect(m.features.slash_commands[0]?.url).toBe(url);
    expect(m.settings).toEqual({
      event_subscriptions: { request_url: url, bot_events: ['app_mention'] },
      interactivity: { is_enabled: true, request_url: url },
      org_deploy_enabled: false,
      socket_mode_enabled: false,
      token_rotation_enabled: false,
    });
  });

  it('refuses an HTTP manifest without a request URL', () => {
    expect(() => buildManifest(commands, { socketMode: false })).toThrow(/requestUrl/);
  });

  it('has the scopes for every Web API method the adapter calls', () => {
    expect(BOT_SCOPES).toEqual(expect.arrayContaining(['commands', 'chat:write', 'app_mentions:read', 'files:write', 'users:read', 'channels:read', 'groups:read']));
  });

  it('has every scope a digest needs, history included (the retry after a crash reads it back)', () => {
    expect(BOT_SCOPES).toEqual(expect.arrayContaining([...DIGEST_SCOPES]));
  });
});

describe('usageHint', () => {
  it('falls back to names when the full hint is too long', () => {
    const many = Array.from({ length: 40 }, (_, i) =>
      decl(`cmd${i}`, [{ name: 'an_option_with_a_long_name', description: '' }, { name: 'another_long_option', description: '' }]),
    );
    const hint = usageHint(many);
    expect(hint.length).toBeLessThanOrEqual(1000);
    expect(hint.startsWith('cmd0 | cmd1 | cmd2')).toBe(true);
  });
});

describe('manifest from the real declarations', () => {
  it('lists every command in the /smallcaps usage hint within Slack limits', () => {
    const m = buildManifest(allCommands, { socketMode: true }) as {
      features: { slash_commands: { command: string; usage_hint: string; description: string }[] };
      display_information: { description: string };
    };
    const [slash] = m.features.slash_commands;
    expect(m.features.slash_commands).toHaveLength(1);
    expect(slash?.command).toBe('/smallcaps');
    for (const c of allCommands) expect(slash?.usage_hint).toMatch(new RegExp(`(^| )${c.name}( |$)`));
    expect(slash?.usage_hint.length).toBeLessThanOrEqual(1000);
    expect(slash?.description.length).toBeLessThanOrEqual(140);
    expect(m.display_information.description.length).toBeLessThanOrEqual(140);
  });
});
