import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import { allCommands } from '../../../commands/index.ts';
import status from '../../../commands/status.ts';
import subscribe from '../../../commands/subscribe.ts';
import unsubscribe from '../../../commands/unsubscribe.ts';
import type { CommandDecl } from '../../../src/command.ts';
import { SubscriptionRepository } from '../../../src/digest/subscriptions.ts';
import { openTestStore } from '../../helpers/store.ts';
import { NOW, startHarness, type Harness } from './harness.ts';

type Payload = { response_type: string; text: string };

const withSubscriptions = (commands: readonly CommandDecl[]) => {
  const names = new Set(commands.map((c) => c.name));
  return [...commands, ...[subscribe, unsubscribe, status].filter((c) => !names.has(c.name))];
};

let h: Harness;
let subscriptions: SubscriptionRepository;

beforeAll(async () => {
  subscriptions = new SubscriptionRepository(await openTestStore(), NOW);
  h = await startHarness({ bot: { commands: withSubscriptions(allCommands), services: { subscriptions } } });
  h.api.setUser('U0ADMIN', { is_admin: true });
  h.api.setUser('U0MAKER');
  h.api.setUser('U0MEMBER');
  h.api.setChannel('C0DESK', { creator: 'U0MAKER' });
});
afterAll(async () => {
  await h.close();
});

async function as(userId: string, line: string): Promise<Payload> {
  const res = await h.slash(line, { userId, channelId: 'C0DESK', teamId: 'T0TEAM' });
  expect(res.status).toBe(200);
  if (res.json) return res.json as Payload;
  return (await h.api.waitFor(() => h.api.responses.find((r) => r.id === res.responseId))).body as Payload;
}

describe('digest subscriptions from Slack', () => {
  it('refuses a plain member and stores nothing', async () => {
    const answer = await as('U0MEMBER', 'subscribe 07:45 Europe/London');
    expect(answer.response_type).toBe('ephemeral');
    expect(answer.text).toMatch(/admins|creator|not allowed/i);
    expect(await subscriptions.get('slack', 'C0DESK')).toBeUndefined();
  });

  it("lets the channel's creator subscribe the channel, announced in the channel", async () => {
    const answer = await as('U0MAKER', 'subscribe 07:45 Europe/London');
    expect(answer.response_type).toBe('in_channel');
    expect(await subscriptions.get('slack', 'C0DESK')).toMatchObject({ platform: 'slack', channelId: 'C0DESK', time: '07:45', timezone: 'Europe/London', createdBy: 'U0MAKER' });
  });

  it('lets anyone see the status, and a workspace admin unsubscribe', async () => {
    const seen = await as('U0MEMBER', 'status');
    expect(seen.text).toMatch(/07:45/);
    await as('U0ADMIN', 'unsubscribe');
    expect(await subscriptions.get('slack', 'C0DESK')).toBeUndefined();
  });
});
