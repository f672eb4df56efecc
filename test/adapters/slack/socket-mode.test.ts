import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import { allCommands } from '../../../commands/index.ts';
import { startSlack, type SlackAdapter } from '../../../adapters/slack/index.ts';
import { createBot } from '../../../src/bot.ts';
import { createSnapshotMarketData } from '../../../src/market/snapshot.ts';
import { controlsToBlocks } from '../../../adapters/slack/controls-to-blocks.ts';
import { performanceControls } from '../../../src/controls.ts';
import { blockActionsBody } from '../../emulators/slack/actions.ts';
import { appMentionBody, slashCommandBody } from '../../emulators/slack/payloads.ts';
import { startSocketMode, type SocketModeServer } from '../../emulators/slack/socket-mode.ts';
import { startSlackApi, type SlackApiEmulator } from '../../emulators/slack/web-api.ts';
import { NOW, SECRET, TOKEN } from './harness.ts';

let api: SlackApiEmulator;
let socket: SocketModeServer;
let adapter: SlackAdapter;

beforeAll(async () => {
  api = await startSlackApi({ token: TOKEN });
  socket = await startSocketMode();
  api.socketModeUrl = socket.url;
  const bot = createBot({ commands: allCommands, market: createSnapshotMarketData(NOW), now: NOW });
  adapter = await startSlack({ botToken: TOKEN, signingSecret: SECRET, appToken: 'xapp-1-test', apiUrl: api.url, bot, retries: 0, ackBudgetMs: 2500 });
});
afterAll(async () => {
  await adapter.stop();
  await socket.close();
  await api.close();
});

describe('Slack in Socket Mode', () => {
  it('opens the connection with the app token and listens on no port', async () => {
    await socket.connected();
    const open = api.callsTo('apps.connections.open');
    expect(open.map((c) => c.token)).toEqual(['xapp-1-test']);
    expect(adapter.port).toBeUndefined();
  });

  it('answers /smallcaps on the envelope ack', async () => {
    const payload = Object.fromEntries(new URLSearchParams(slashCommandBody({ text: 'valuation', responseUrl: api.responseUrl('sm1') })));
    const ack = (await socket.send('slash_commands', payload)) as { response_type: string; blocks: { type: string; text?: { text: string } }[] };
    expect(ack.response_type).toBe('in_channel');
    expect(ack.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Valuation: small caps vs large caps', emoji: true } });
  });

  it('answers an app_mention in its thread, once even when redelivered', async () => {
    const body = JSON.parse(appMentionBody({ eventId: 'EvS1', channel: 'C0SOCK', ts: '1763700009.000900', text: '<@U0CAPWATCH> valuation?' })) as unknown;
    await socket.send('events_api', body, { retry_attempt: 0, retry_reason: '' });
    await socket.send('events_api', body, { retry_attempt: 1, retry_reason: 'timeout' });
    const post = await api.waitFor(() => api.callsTo('chat.postMessage').find((c) => c.params.channel === 'C0SOCK'));
    expect(post.params.thread_ts).toBe('1763700009.000900');
    // a later, different event is answered too, and the duplicate still was not
    await socket.send('events_api', JSON.parse(appMentionBody({ eventId: 'EvS2', channel: 'C0SOCK2', text: '<@U0CAPWATCH> valuation?' })));
    await api.waitFor(() => api.callsTo('chat.postMessage').find((c) => c.params.channel === 'C0SOCK2'));
    expect(api.callsTo('chat.postMessage').filter((c) => c.params.channel === 'C0SOCK')).toHaveLength(1);
  });

  it('takes a click on an answer (interactive envelope): acks, then replaces the message', async () => {
    const [block] = controlsToBlocks(performanceControls('performance', { period: '1m', vs: 'sp500', small: 'iwm' }));
    const ytd = (block as { elements: { type: string; action_id: string; value?: string }[] }).elements[2]!;
    const form = new URLSearchParams(blockActionsBody({ element: ytd, responseUrl: api.responseUrl('click1') }));
    await socket.send('interactive', JSON.parse(form.get('payload')!));
    const reply = await api.waitFor(() => api.responses.find((r) => r.id === 'click1'));
    expect(reply.body).toMatchObject({ replace_original: true, blocks: expect.arrayContaining([expect.objectContaining({ type: 'actions' })]) });
  });
});
