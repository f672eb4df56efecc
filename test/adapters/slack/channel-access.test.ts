/** subscribe on Slack checks first that the bot can post and read back digests in the channel. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allCommands } from '../../../commands/index.ts';
import { ChannelAccess } from '../../../src/digest/channel-access.ts';
import { SubscriptionRepository } from '../../../src/digest/subscriptions.ts';
import { openTestStore } from '../../helpers/store.ts';
import { NOW, startHarness, type Harness } from './harness.ts';

type Payload = { response_type: string; text: string };

const channelAccess = new ChannelAccess();
let subscriptions: SubscriptionRepository;
let h: Harness;

beforeAll(async () => {
  subscriptions = new SubscriptionRepository(await openTestStore(), NOW);
  h = await startHarness({ bot: { commands: allCommands, services: { subscriptions, channelAccess } } });
  channelAccess.register(h.adapter.channelAccess);
  h.api.setUser('U0ADMIN', { is_admin: true });
  h.api.setChannel('C0OPEN');
  h.api.setChannel('C0PRIVATE', { is_private: true, is_member: false });
  h.api.setChannel('C0PUBLIC', { is_member: false });
  h.api.setChannel('C0OLD', { is_archived: true });
});
afterAll(async () => {
  await h.close();
});

async function subscribeIn(channelId: string): Promise<Payload> {
  const res = await h.slash('subscribe 07:45 Europe/London', { userId: 'U0ADMIN', channelId, teamId: 'T0TEAM' });
  if (res.json) return res.json as Payload;
  return (await h.api.waitFor(() => h.api.responses.find((r) => r.id === res.responseId))).body as Payload;
}

describe('subscribe checks the channel first (Slack)', () => {
  it('subscribes where the bot is a member and can read the history', async () => {
    const answer = await subscribeIn('C0OPEN');
    expect(answer.response_type).toBe('in_channel');
    expect(await subscriptions.get('slack', 'C0OPEN')).toBeTruthy();
    expect(h.api.callsTo('conversations.history').at(-1)?.params).toMatchObject({ channel: 'C0OPEN', limit: '1' });
  });

  it.each([
    ['C0PRIVATE', /not a member.*\/invite @capwatch/s],
    ['C0PUBLIC', /not a member.*\/invite @capwatch/s],
    ['C0NOWHERE', /cannot see this channel.*\/invite @capwatch/s],
    ['C0OLD', /archived.*Unarchive/s],
  ])('refuses in %s and says what to fix', async (channelId, says) => {
    const answer = await subscribeIn(channelId);
    expect(answer.response_type).toBe('ephemeral');
    expect(answer.text).toMatch(says);
    expect(await subscriptions.get('slack', channelId)).toBeUndefined();
  });

  it('refuses when the token lacks a history scope, naming the reinstall', async () => {
    h.api.scopes = ['commands', 'chat:write', 'channels:read', 'groups:read', 'users:read', 'files:write'];
    try {
      const answer = await subscribeIn('C0OPEN');
      expect(answer.text).toMatch(/scopes.*needs channels:history.*slack:manifest/s);
    } finally {
      h.api.scopes = undefined;
    }
  });
});
