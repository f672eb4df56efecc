import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import { allCommands } from '../../../commands/index.ts';
import { defineCommand } from '../../../src/command.ts';
import { startHarness, type Harness } from './harness.ts';

/** Stands in for the subscription commands: permission 'manage', answers only when allowed. */
const manageProbe = defineCommand({
  name: 'probe',
  description: 'Manage-only probe',
  options: [],
  permission: 'manage',
  run: async (ctx) => ({
    title: 'Probe ran',
    commentary: `canManage=${String(ctx.invocation.actor?.canManage)}`,
    sections: [],
    sources: [],
    visibility: 'ephemeral',
    tone: 'neutral',
  }),
});

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ bot: { commands: [...allCommands, manageProbe] } });
  h.api.setUser('U0ADMIN', { is_admin: true });
  h.api.setUser('U0OWNER', { is_owner: true });
  h.api.setUser('U0MAKER');
  h.api.setUser('U0MEMBER');
  h.api.setChannel('C0TEAM', { creator: 'U0MAKER' });
});
afterAll(() => h.close());

async function probeAs(userId: string, channelId = 'C0TEAM'): Promise<string> {
  const res = await h.slash('probe', { userId, channelId });
  return (res.json as { text: string }).text;
}

describe('subscription management permissions on Slack', () => {
  it('lets workspace admins and owners manage, checked with users.info', async () => {
    expect(await probeAs('U0ADMIN')).toMatch(/canManage=true/);
    expect(await probeAs('U0OWNER')).toMatch(/canManage=true/);
    expect(h.api.callsTo('users.info').map((c) => c.params.user)).toEqual(['U0ADMIN', 'U0OWNER']);
  });

  it("lets the channel's creator manage, checked with conversations.info", async () => {
    expect(await probeAs('U0MAKER')).toMatch(/canManage=true/);
    expect(h.api.callsTo('conversations.info').at(-1)?.params).toMatchObject({ channel: 'C0TEAM' });
  });

  it('refuses other members with the bot\'s ephemeral answer', async () => {
    const res = await h.slash('probe', { userId: 'U0MEMBER', channelId: 'C0TEAM' });
    expect(res.json).toMatchObject({ response_type: 'ephemeral' });
    expect((res.json as { text: string }).text).not.toMatch(/Probe ran/);
  });

  it('refuses when Slack cannot tell (unknown user, lookup failing)', async () => {
    expect(await probeAs('U0STRANGER')).not.toMatch(/Probe ran/);
    h.api.failNext('users.info', { error: 'fatal_error' });
    expect(await probeAs('U0ADMIN')).not.toMatch(/Probe ran/);
    expect(h.logs.some((l) => l.msg === 'slack: permission lookup failed')).toBe(true);
  });
});
