/**
 * block_actions payloads as Slack posts them to the interactivity request URL: a form with one `payload`
 * field holding the JSON (https://api.slack.com/reference/interaction-payloads/block-actions).
 */

export interface BlockActionInput {
  /** The clicked element as it is in the message's actions block. */
  element: { type: string; action_id: string; value?: string; options?: { text: unknown; value: string }[] };
  /** For a static_select: the chosen option's value. */
  selected?: string;
  responseUrl: string;
  userId?: string;
  channelId?: string;
  teamId?: string;
  messageTs?: string;
  ephemeral?: boolean;
}

export function blockActionsBody(input: BlockActionInput): string {
  const team = input.teamId ?? 'T0TEAM';
  const actionTs = `${Math.floor(Date.now() / 1000)}.000100`;
  const element = input.element;
  const action =
    element.type === 'static_select'
      ? { type: 'static_select', action_id: element.action_id, block_id: 'capwatch-controls', selected_option: element.options?.find((o) => o.value === input.selected) ?? { text: { type: 'plain_text', text: '?' }, value: input.selected ?? '' }, action_ts: actionTs }
      : { type: 'button', action_id: element.action_id, block_id: 'capwatch-controls', value: element.value, text: { type: 'plain_text', text: 'x' }, action_ts: actionTs };
  const payload = {
    type: 'block_actions',
    user: { id: input.userId ?? 'U0ALICE', username: 'alice', name: 'alice', team_id: team },
    api_app_id: 'A0CAPWATCH',
    token: 'deprecated-verification-token',
    container: { type: 'message', message_ts: input.messageTs ?? '1763700001.000001', channel_id: input.channelId ?? 'C0GENERAL', is_ephemeral: input.ephemeral ?? false },
    trigger_id: '13345224609.738474920.8088930838d88f008e0',
    team: { id: team, domain: 'emulated' },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: input.channelId ?? 'C0GENERAL', name: 'general' },
    message: { type: 'message', ts: input.messageTs ?? '1763700001.000001', text: 'capwatch answer' },
    state: { values: {} },
    response_url: input.responseUrl,
    actions: [action],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}
