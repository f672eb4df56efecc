/** Request bodies in the shapes Slack sends them: slash commands (form) and Events API (JSON). */

export interface SlashCommandInput {
  text: string;
  userId?: string;
  userName?: string;
  channelId?: string;
  channelName?: string;
  teamId?: string;
  command?: string;
  responseUrl: string;
  triggerId?: string;
}

export function slashCommandBody(input: SlashCommandInput): string {
  return new URLSearchParams({
    token: 'deprecated-verification-token',
    team_id: input.teamId ?? 'T0TEAM',
    team_domain: 'emulated',
    channel_id: input.channelId ?? 'C0GENERAL',
    channel_name: input.channelName ?? 'general',
    user_id: input.userId ?? 'U0ALICE',
    user_name: input.userName ?? 'alice',
    command: input.command ?? '/smallcaps',
    text: input.text,
    api_app_id: 'A0CAPWATCH',
    is_enterprise_install: 'false',
    response_url: input.responseUrl,
    trigger_id: input.triggerId ?? '13345224609.738474920.8088930838d88f008e0',
  }).toString();
}

export interface AppMentionInput {
  text: string;
  eventId: string;
  user?: string;
  channel?: string;
  ts?: string;
  threadTs?: string;
  botId?: string;
  teamId?: string;
  botUserId?: string;
}

export function appMentionBody(input: AppMentionInput): string {
  const ts = input.ts ?? '1763700000.000100';
  const event: Record<string, unknown> = {
    type: 'app_mention',
    user: input.user ?? 'U0ALICE',
    text: input.text,
    ts,
    channel: input.channel ?? 'C0GENERAL',
    event_ts: ts,
    team: input.teamId ?? 'T0TEAM',
  };
  if (input.threadTs) event.thread_ts = input.threadTs;
  if (input.botId) {
    event.bot_id = input.botId;
    event.subtype = 'bot_message';
  }
  return JSON.stringify({
    token: 'deprecated-verification-token',
    team_id: input.teamId ?? 'T0TEAM',
    api_app_id: 'A0CAPWATCH',
    event,
    type: 'event_callback',
    event_id: input.eventId,
    event_time: Math.floor(Number(ts)),
    authorizations: [
      { enterprise_id: null, team_id: input.teamId ?? 'T0TEAM', user_id: input.botUserId ?? 'U0CAPWATCH', is_bot: true, is_enterprise_install: false },
    ],
    is_ext_shared_channel: false,
    event_context: `4-${input.eventId}`,
  });
}

export function urlVerificationBody(challenge: string): string {
  return JSON.stringify({ token: 'deprecated-verification-token', challenge, type: 'url_verification' });
}
