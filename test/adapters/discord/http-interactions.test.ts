import { afterEach, describe, expect, it } from 'vitest';
import { componentIds } from '../../emulators/discord/components.ts';
import type { EmuMessage } from '../../emulators/discord/emulator.ts';
import { answerOf } from './harness.ts';
import { startHttpHarness, type HttpHarness } from './http-harness.ts';

let h: HttpHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const EPHEMERAL = 64;

describe('Discord HTTP interactions endpoint (signed requests, any instance answers)', () => {
  it('answers PING with PONG', async () => {
    h = await startHttpHarness();
    const res = await h.emu.postInteraction(h.instances[0]!.url, { id: '1', type: 1, token: 'ping' }, h.signer);
    expect(res).toEqual({ status: 200, json: { type: 1 } });
  });

  it('refuses a bad or missing signature with 401 and runs nothing', async () => {
    h = await startHttpHarness();
    const payload = h.emu.slashInteraction({ subcommand: 'performance', options: { period: '1m' } });
    const forged = await h.emu.postInteraction(h.instances[0]!.url, payload, h.signer, { signature: 'ab'.repeat(64) });
    expect(forged.status).toBe(401);
    const unsigned = await fetch(h.instances[0]!.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) });
    expect(unsigned.status).toBe(401);
    // Signed for another body: the signature covers the bytes, not just the header.
    const other = h.signer.headers('{"type":1}');
    const swapped = await fetch(h.instances[0]!.url, { method: 'POST', headers: { 'content-type': 'application/json', ...other }, body: JSON.stringify(payload) });
    expect(swapped.status).toBe(401);
    expect(h.emu.interaction(payload.id)?.response).toBeNull();
  });

  it('answers a slash command at once (type 4) with the same embed and controls as the gateway path', async () => {
    h = await startHttpHarness({ endpoint: { deferAfterMs: 2500 } });
    const payload = h.emu.slashInteraction({ subcommand: 'performance', options: { period: '3m', vs: 'nasdaq' } });
    const res = await h.emu.postInteraction(h.instances[0]!.url, payload, h.signer);
    expect(res.status).toBe(200);
    const answer = await answerOf(h.emu, payload);
    expect(answer.callbackType).toBe(4);
    expect(answer.payload.embeds[0]?.title).toMatch(/^Small caps vs large caps, 3m/);
    expect(answer.payload.embeds[0]?.fields?.map((f) => f.name).slice(0, 2)).toEqual(['IWM', 'QQQ']);
    expect(answer.payload.allowed_mentions).toEqual({ parse: [], replied_user: false });
    const { buttons, selects } = componentIds(h.emu.interaction(payload.id)!.original!);
    expect(buttons.map((b) => [b.label, Boolean(b.disabled)])).toEqual([['1m', false], ['3m', true], ['ytd', false], ['1y', false], ['5y', false]]);
    expect(selects[0]?.options.find((o) => o.default)?.label).toMatch(/Nasdaq/);
  });

  it('answers bad input ephemerally', async () => {
    h = await startHttpHarness();
    const payload = h.emu.slashInteraction({ subcommand: 'performance', options: { period: '7q' } });
    await h.emu.postInteraction(h.instances[0]!.url, payload, h.signer);
    const answer = await answerOf(h.emu, payload);
    expect(answer.payload.flags).toBe(EPHEMERAL);
    expect(answer.payload.embeds[0]?.description).toMatch(/7q/);
  });

  it('defers (type 5) when data is slow, then edits @original through REST', async () => {
    h = await startHttpHarness({ delayMs: 700 });
    const payload = h.emu.slashInteraction({ subcommand: 'performance', options: { period: '1m' } });
    const res = await h.emu.postInteraction(h.instances[0]!.url, payload, h.signer);
    expect(res.json).toEqual({ type: 5, data: {} });
    const answer = await answerOf(h.emu, payload);
    expect(answer.via).toBe('edit');
    expect(answer.payload.embeds[0]?.fields?.[0]?.name).toBe('IWM');
    expect(h.emu.interaction(payload.id)?.original?.flags).toBe(0);
  });

  it('attaches a chart by deferring, then editing with a multipart body', async () => {
    h = await startHttpHarness({ charts: true, endpoint: { deferAfterMs: 2500 } });
    const payload = h.emu.slashInteraction({ subcommand: 'chart', options: { period: '6m' } });
    await h.emu.postInteraction(h.instances[0]!.url, payload, h.signer);
    const answer = await answerOf(h.emu, payload);
    expect(answer.via).toBe('edit');
    expect(answer.files).toHaveLength(1);
    expect([...answer.files[0]!.data.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(answer.payload.embeds[0]?.image).toEqual({ url: `attachment://${answer.files[0]!.name}` });
  });

  it('offers autocomplete choices (type 8)', async () => {
    h = await startHttpHarness();
    const payload = h.emu.slashInteraction({ subcommand: 'performance', options: { period: '3' }, focused: 'period' }, 4);
    const res = await h.emu.postInteraction(h.instances[0]!.url, payload, h.signer);
    const values = (res.json as { type: number; data: { choices: { value: string }[] } }).data.choices.map((c) => c.value);
    expect(values).toEqual(expect.arrayContaining(['3m', '3y']));
  });

  it('lets another instance answer a click on a message the first one posted (UPDATE_MESSAGE, controls kept)', async () => {
    h = await startHttpHarness({ instances: 2, endpoint: { deferAfterMs: 2500 } });
    const [a, b] = h.instances as [typeof h.instances[0], typeof h.instances[0]];
    const slash = h.emu.slashInteraction({ subcommand: 'performance', options: { period: '1m' } });
    await h.emu.postInteraction(a.url, slash, h.signer);
    const posted = h.emu.interaction(slash.id)!.original as EmuMessage;
    const ytd = componentIds(posted).buttons.find((x) => x.label === 'ytd')!;
    const click = h.emu.componentInteraction({ message: posted, customId: ytd.custom_id });
    const res = await h.emu.postInteraction(b.url, click, h.signer);
    expect((res.json as { type: number }).type).toBe(7);
    const updated = h.emu.interaction(click.id)!.original!;
    expect((updated.embeds[0] as { title: string }).title).toMatch(/^Small caps vs large caps, ytd/);
    const { buttons } = componentIds(updated);
    expect(buttons.filter((x) => x.disabled).map((x) => x.label)).toEqual(['ytd']);
    expect(updated.id).toBe(posted.id);
  });

  it('answers a forged control id with an ephemeral "expired" note and leaves the message alone', async () => {
    h = await startHttpHarness();
    const slash = h.emu.slashInteraction({ subcommand: 'performance', options: { period: '1m' } });
    await h.emu.postInteraction(h.instances[0]!.url, slash, h.signer);
    const posted = h.emu.interaction(slash.id)!.original as EmuMessage;
    for (const customId of ['c1|performance|x|', 'c0|performance|||period=1m', 'nonsense', 'c1|performance|||period=7q', 'c1|performance|||evil=1']) {
      const click = h.emu.componentInteraction({ message: posted, customId });
      const res = await h.emu.postInteraction(h.instances[0]!.url, click, h.signer);
      expect(res.status, customId).toBe(200);
      const body = res.json as { type: number; data: { flags: number; embeds: { description: string }[] } };
      expect([body.type, body.data.flags], customId).toEqual([4, EPHEMERAL]);
      expect(body.data.embeds[0]?.description).toMatch(/That button has expired, run \/smallcaps (performance|help)/);
      expect(h.emu.interaction(slash.id)!.original).toBe(posted);
    }
  });
});
