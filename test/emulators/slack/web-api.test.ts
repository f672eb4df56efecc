import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import { webApi } from '@slack/bolt';
import { startSlackApi, type SlackApiEmulator } from './web-api.ts';

let api: SlackApiEmulator;
let client: webApi.WebClient;

beforeAll(async () => {
  api = await startSlackApi({ token: 'xoxb-test' });
  client = new webApi.WebClient('xoxb-test', { slackApiUrl: api.url, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true });
});
afterAll(() => api.close());

describe('Slack Web API emulator', () => {
  it('answers auth.test and records calls with the token', async () => {
    const res = await client.auth.test();
    expect(res.user_id).toBe('U0CAPWATCH');
    expect(api.callsTo('auth.test').at(-1)).toEqual({ method: 'auth.test', params: {}, token: 'xoxb-test' });
  });

  it('rejects a wrong token', async () => {
    const other = new webApi.WebClient('xoxb-wrong', { slackApiUrl: api.url, retryConfig: { retries: 0 } });
    await expect(other.auth.test()).rejects.toMatchObject({ data: { error: 'invalid_auth' } });
  });

  it('records chat.postMessage with parsed blocks and returns a ts', async () => {
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: 'hi' } }];
    const res = await client.chat.postMessage({ channel: 'C1', text: 'hi', blocks, thread_ts: '1.2' });
    expect(res.ts).toMatch(/^\d+\.\d{6}$/);
    expect(api.callsTo('chat.postMessage').at(-1)?.params).toEqual({ channel: 'C1', text: 'hi', blocks, thread_ts: '1.2' });
  });

  it('refuses blocks that break Block Kit limits', async () => {
    const blocks = [{ type: 'header', text: { type: 'plain_text', text: 'x'.repeat(151) } }];
    await expect(client.chat.postMessage({ channel: 'C1', text: 'x', blocks })).rejects.toMatchObject({ data: { error: 'invalid_blocks' } });
  });

  it('runs the files.uploadV2 sequence against itself', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    await client.files.uploadV2({ channel_id: 'C1', thread_ts: '1.2', file: Buffer.from(png), filename: 'chart.png', alt_text: 'a chart', title: 'Chart' });
    const get = api.callsTo('files.getUploadURLExternal').at(-1);
    expect(get?.params).toMatchObject({ filename: 'chart.png', length: '7', alt_text: 'a chart' });
    const upload = api.uploads.at(-1);
    expect(upload?.bytes).toEqual(png);
    expect(api.callsTo('files.completeUploadExternal').at(-1)?.params).toEqual({
      files: [{ id: upload?.fileId, title: 'Chart' }],
      channel_id: 'C1',
      thread_ts: '1.2',
    });
  });

  it('injects errors and 429 with Retry-After', async () => {
    api.failNext('chat.postMessage', { status: 429, retryAfter: 7 });
    await expect(client.chat.postMessage({ channel: 'C1', text: 'x' })).rejects.toMatchObject({ code: 'slack_webapi_rate_limited_error', retryAfter: 7 });
    api.failNext('chat.postMessage', { error: 'is_archived' });
    await expect(client.chat.postMessage({ channel: 'C1', text: 'x' })).rejects.toMatchObject({ data: { error: 'is_archived' } });
    api.failChannel('CGONE', 'channel_not_found');
    await expect(client.chat.postMessage({ channel: 'CGONE', text: 'x' })).rejects.toMatchObject({ data: { error: 'channel_not_found' } });
    await expect(client.chat.postMessage({ channel: 'C1', text: 'x' })).resolves.toMatchObject({ ok: true });
  });

  it('serves users.info and conversations.info from what the test configured', async () => {
    api.setUser('UADMIN', { is_admin: true });
    api.setChannel('C2', { creator: 'UMAKER' });
    expect((await client.users.info({ user: 'UADMIN' })).user).toMatchObject({ id: 'UADMIN', is_admin: true, is_owner: false });
    expect((await client.conversations.info({ channel: 'C2' })).channel).toMatchObject({ id: 'C2', creator: 'UMAKER' });
    await expect(client.users.info({ user: 'UNONE' })).rejects.toMatchObject({ data: { error: 'user_not_found' } });
  });

  it('receives response_url posts', async () => {
    const url = api.responseUrl('abc');
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text":"hi"}' });
    expect(res.status).toBe(200);
    expect(await api.waitFor(() => api.responses.find((r) => r.id === 'abc'))).toEqual({ id: 'abc', body: { text: 'hi' } });
  });

  it('keeps posts with their metadata and reads them back through conversations.history, newest first, in pages', async () => {
    const metadata = { event_type: 'capwatch_digest', event_payload: { subscription: 'slack:CH', local_date: '2025-11-24' } };
    const since = (Date.now() / 1000 - 1).toFixed(6);
    const posted = await client.chat.postMessage({ channel: 'CH', text: 'digest', metadata });
    expect(posted.message).toMatchObject({ metadata, bot_id: 'B0CAPWATCH', user: 'U0CAPWATCH' });
    for (let i = 0; i < 3; i++) await client.chat.postMessage({ channel: 'CH', text: `later ${i}` });
    const page1 = await client.conversations.history({ channel: 'CH', oldest: since, limit: 2, include_all_metadata: true });
    expect(page1.messages?.map((m) => m.text)).toEqual(['later 2', 'later 1']);
    expect(page1.has_more).toBe(true);
    const page2 = await client.conversations.history({ channel: 'CH', oldest: since, limit: 2, include_all_metadata: true, cursor: page1.response_metadata?.next_cursor });
    expect(page2.messages?.map((m) => m.text)).toEqual(['later 0', 'digest']);
    expect(page2.messages?.[1]?.metadata).toEqual(metadata);
    expect(page2.has_more).toBe(false);
    // Without include_all_metadata, Slack leaves the metadata out.
    const plain = await client.conversations.history({ channel: 'CH', oldest: since });
    expect(plain.messages?.at(-1)?.metadata).toBeUndefined();
    // oldest is exclusive.
    expect((await client.conversations.history({ channel: 'CH', oldest: posted.ts })).messages).toHaveLength(3);
  });

  it('answers missing_scope with needed and provided, names the scopes in x-oauth-scopes, and can revoke the token', async () => {
    api.scopes = ['chat:write', 'channels:read'];
    try {
      await expect(client.conversations.history({ channel: 'C1' })).rejects.toMatchObject({ data: { error: 'missing_scope', needed: 'channels:history', provided: 'chat:write,channels:read' } });
      expect((await client.auth.test()).response_metadata?.scopes).toEqual(['chat:write', 'channels:read']);
    } finally {
      api.scopes = undefined;
    }
    api.setTokenError('token_revoked');
    try {
      await expect(client.auth.test()).rejects.toMatchObject({ data: { error: 'token_revoked' } });
    } finally {
      api.setTokenError(undefined);
    }
    api.setChannel('CPRIV', { is_private: true, is_member: false });
    await expect(client.conversations.history({ channel: 'CPRIV' })).rejects.toMatchObject({ data: { error: 'not_in_channel' } });
    expect((await client.conversations.info({ channel: 'CPRIV' })).channel).toMatchObject({ is_private: true, is_member: false });
  });
});
