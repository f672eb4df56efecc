/** Web API failures -> the digest's DeliveryError kinds. */
import { DeliveryError } from '../../src/digest/deliverer.ts';

/** The channel no longer exists for us: stop sending there. */
const GONE = new Set(['channel_not_found', 'is_archived', 'channel_is_archived', 'team_access_not_granted', 'account_inactive', 'token_revoked']);
/** The bot is not allowed there (until someone invites it or grants a scope). */
const FORBIDDEN = new Set(['not_in_channel', 'missing_scope', 'restricted_action', 'restricted_action_read_only_channel', 'restricted_action_thread_only_channel', 'ekm_access_denied', 'not_allowed_token_type']);

/** The Slack error string (`channel_not_found`…) of a WebAPIPlatformError, if it is one. */
export function slackErrorCode(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown } } | null)?.data;
  return typeof data?.error === 'string' ? data.error : undefined;
}

export function toDeliveryError(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  const e = error as { code?: string; retryAfter?: number; message?: string } | null;
  if (e?.code === 'slack_webapi_rate_limited_error') {
    return new DeliveryError('rate_limited', 'Slack rate limit', typeof e.retryAfter === 'number' ? e.retryAfter * 1000 : undefined);
  }
  const code = slackErrorCode(error);
  if (code === 'ratelimited' || code === 'rate_limited') return new DeliveryError('rate_limited', code);
  if (code && GONE.has(code)) return new DeliveryError('gone', code);
  if (code && FORBIDDEN.has(code)) return new DeliveryError('forbidden', code);
  return new DeliveryError('transient', code ?? e?.message ?? String(error));
}
