/**
 * The bot scope each emulated Web API method needs (https://api.slack.com/methods, "Required scopes"), and
 * Slack's missing_scope answer: `{ok: false, error: "missing_scope", needed, provided}`.
 */
const PUBLIC_PRIVATE: Record<string, [string, string]> = {
  'conversations.history': ['channels:history', 'groups:history'],
  'conversations.info': ['channels:read', 'groups:read'],
};

const SIMPLE: Record<string, string> = {
  'chat.postMessage': 'chat:write',
  'chat.postEphemeral': 'chat:write',
  'files.getUploadURLExternal': 'files:write',
  'files.completeUploadExternal': 'files:write',
  'users.info': 'users:read',
};

export function neededScope(method: string, isPrivate: boolean): string | undefined {
  const pair = PUBLIC_PRIVATE[method];
  if (pair) return isPrivate ? pair[1] : pair[0];
  return SIMPLE[method];
}

export function missingScope(method: string, granted: readonly string[], isPrivate: boolean): Record<string, unknown> | undefined {
  const needed = neededScope(method, isPrivate);
  if (!needed || granted.includes(needed)) return undefined;
  return { ok: false, error: 'missing_scope', needed, provided: granted.join(',') };
}
