import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import { postSigned } from '../../emulators/slack/signer.ts';
import { urlVerificationBody } from '../../emulators/slack/payloads.ts';
import { startSlackApi } from '../../emulators/slack/web-api.ts';
import { startSlack } from '../../../adapters/slack/index.ts';
import { SECRET, startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('Slack HTTP receiver', () => {
  it('checks the token with auth.test on start', () => {
    expect(h.api.callsTo('auth.test').length).toBeGreaterThan(0);
  });

  it('answers url_verification with the challenge', async () => {
    const res = await postSigned(h.eventsUrl, urlVerificationBody('ch4ll3nge'), { secret: SECRET });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ challenge: 'ch4ll3nge' });
  });

  it('refuses a bad signature with 401 and runs nothing', async () => {
    const res = await h.slash('performance 1m', {}, { signature: 'v0=' + '0'.repeat(64) });
    expect(res.status).toBe(401);
    const wrongSecret = await h.slash('performance 1m', {}, { secret: 'not-the-secret' });
    expect(wrongSecret.status).toBe(401);
    expect(h.api.responses).toEqual([]);
  });

  it('refuses a stale timestamp with 401 even when correctly signed', async () => {
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;
    const res = await h.slash('performance 1m', {}, { timestamp: sixMinutesAgo });
    expect(res.status).toBe(401);
    expect(h.api.responses).toEqual([]);
  });

  it('accepts the same request signed now', async () => {
    const res = await h.slash('help');
    expect(res.status).toBe(200);
  });
});

describe('startSlack', () => {
  it('fails start-up with Slack\'s reason when the token is refused', async () => {
    const api = await startSlackApi({ token: 'xoxb-right' });
    try {
      await expect(
        startSlack({ botToken: 'xoxb-wrong', signingSecret: SECRET, apiUrl: api.url, port: 0, retries: 0, bot: {} as never }),
      ).rejects.toThrow(/invalid_auth/);
    } finally {
      await api.close();
    }
  });
});
