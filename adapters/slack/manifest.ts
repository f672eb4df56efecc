/** The Slack app manifest, built from the command declarations (`capwatch slack:manifest`). */
import type { CommandDecl, OptionDecl } from '../../src/command.ts';

export const SLASH_COMMAND = '/smallcaps';
export const EVENTS_PATH = '/slack/events';

/** Everything the adapter calls: slash commands, posting (also in public channels it was not invited to),
 *  mentions, chart uploads, the admin / channel-creator checks for subscription management, and reading
 *  back a channel's recent history (public and private) so a digest retried after a crash is not posted twice. */
export const BOT_SCOPES = [
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
] as const;

export interface ManifestOptions {
  socketMode: boolean;
  /** Public HTTPS URL of `/slack/events`; required unless socketMode. */
  requestUrl?: string;
  name?: string;
}

const USAGE_HINT_MAX = 1000;
const DESCRIPTION_MAX = 140;

function optionHint(o: OptionDecl): string {
  return o.required ? `<${o.name}>` : `[${o.name}]`;
}

/** e.g. "performance [period] [vs] | valuation | help [command]" */
export function usageHint(commands: readonly CommandDecl[]): string {
  const hint = commands.map((c) => [c.name, ...c.options.map(optionHint)].join(' ')).join(' | ');
  return hint.length <= USAGE_HINT_MAX ? hint : commands.map((c) => c.name).join(' | ').slice(0, USAGE_HINT_MAX);
}

function shortDescription(commands: readonly CommandDecl[]): string {
  const text = `Small caps vs large caps: ${commands.map((c) => c.name).join(', ')}`;
  return text.length <= DESCRIPTION_MAX ? text : text.slice(0, DESCRIPTION_MAX - 1) + '\u2026';
}

export function buildManifest(commands: readonly CommandDecl[], opts: ManifestOptions): object {
  if (!opts.socketMode && !opts.requestUrl) {
    throw new Error('An HTTP (non Socket Mode) Slack app needs requestUrl, the public URL of /slack/events');
  }
  const url = opts.socketMode ? {} : { url: opts.requestUrl };
  const requestUrl = opts.socketMode ? {} : { request_url: opts.requestUrl };
  const name = opts.name ?? 'capwatch';
  return {
    _metadata: { major_version: 1, minor_version: 1 },
    display_information: {
      name,
      description: 'Market commentary: small caps versus large caps, valuations and rate-cut pricing.',
      background_color: '#1d3557',
    },
    features: {
      bot_user: { display_name: name, always_online: true },
      slash_commands: [
        {
          command: SLASH_COMMAND,
          ...url,
          description: shortDescription(commands),
          usage_hint: usageHint(commands),
          should_escape: false,
        },
      ],
    },
    oauth_config: { scopes: { bot: [...BOT_SCOPES] } },
    settings: {
      event_subscriptions: { ...requestUrl, bot_events: ['app_mention'] },
      interactivity: { is_enabled: true, ...requestUrl },
      org_deploy_enabled: false,
      socket_mode_enabled: opts.socketMode,
      token_rotation_enabled: false,
    },
  };
}
