/** Web API failures -> the digest's DeliveryError kinds, each with what an operator should do about it. */
import { DeliveryError } from '../../src/digest/deliverer.ts';

/**
 * The token itself is in trouble: every channel of the workspace would fail the same way, so deliveries
 * pause for the workspace as a whole. https://api.slack.com/methods/chat.postMessage#errors
 */
const AUTH: Record<string, string> = {
  not_authed: 'set SLACK_BOT_TOKEN',
  invalid_auth: 'SLACK_BOT_TOKEN is not a valid token: copy the Bot User OAuth Token again',
  token_revoked: 'the token was revoked: reinstall the app and update SLACK_BOT_TOKEN',
  token_expired: 'the token expired: reinstall the app (or turn token rotation off) and update SLACK_BOT_TOKEN',
  account_inactive: 'the bot user or workspace was deactivated: reinstall the app',
  not_allowed_token_type: 'SLACK_BOT_TOKEN must be a bot token (xoxb-)',
  missing_scope: 'reinstall the app with the scopes of `capwatch slack:manifest`',
  no_permission: 'the token lacks a permission: reinstall the app with the scopes of `capwatch slack:manifest`',
  team_access_not_granted: 'the app is not granted this workspace: install it there',
};

/** The channel no longer exists for us: stop sending there. */
const GONE: Record<string, string> = {
  channel_not_found: 'the channel was deleted, or it is private and the bot was never invited: invite the bot or unsubscribe',
  is_archived: 'the channel is archived: unarchive it or subscribe another channel',
  channel_is_archived: 'the channel is archived: unarchive it or subscribe another channel',
};

/** The bot is not allowed there (until someone invites it or changes the channel's settings). */
const FORBIDDEN: Record<string, string> = {
  not_in_channel: 'invite the bot to the channel (/invite @capwatch)',
  restricted_action: 'a workspace setting stops the bot from posting there: allow it or pick another channel',
  restricted_action_read_only_channel: 'the channel is read-only: let the bot post or pick another channel',
  restricted_action_thread_only_channel: 'the channel takes thread replies only: pick another channel',
  restricted_action_non_threadable_channel: 'a workspace setting stops the bot from posting there',
  ekm_access_denied: 'the workspace administrators suspended posting (EKM)',
};

/** The Slack error string (`channel_not_found`…) of a WebAPIPlatformError, if it is one. */
export function slackErrorCode(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown } } | null)?.data;
  return typeof data?.error === 'string' ? data.error : undefined;
}

/** The scope a missing_scope answer names (`needed`), if any. */
function neededScope(error: unknown): string | undefined {
  const needed = (error as { data?: { needed?: unknown } } | null)?.data?.needed;
  return typeof needed === 'string' ? needed : undefined;
}

/** True for an error that concerns the token of the workspace rather than one channel. */
export function isAuthCode(code: string | undefined): boolean {
  return code !== undefined && code in AUTH;
}

export function toDeliveryError(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  const e = error as { code?: string; retryAfter?: number; message?: string } | null;
  if (e?.code === 'slack_webapi_rate_limited_error') {
    return new DeliveryError('rate_limited', 'Slack rate limit', typeof e.retryAfter === 'number' ? e.retryAfter * 1000 : undefined);
  }
  const code = slackErrorCode(error);
  if (code === 'ratelimited' || code === 'rate_limited') return new DeliveryError('rate_limited', code);
  if (code && code in AUTH) {
    const needed = neededScope(error);
    const message = needed ? `${code} (needs ${needed})` : code;
    return new DeliveryError('auth', message, undefined, AUTH[code]);
  }
  if (code && code in GONE) return new DeliveryError('gone', code, undefined, GONE[code]);
  if (code && code in FORBIDDEN) return new DeliveryError('forbidden', code, undefined, FORBIDDEN[code]);
  return new DeliveryError('transient', code ?? e?.message ?? String(error));
}
