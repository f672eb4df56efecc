import { afterEach, describe, expect, it } from 'vitest';
import { controlsToComponents } from '../../../adapters/discord/components.ts';
import { replyToDiscordPayload } from '../../../adapters/discord/reply-to-discord.ts';
import { detailsControl, performanceControls } from '../../../src/controls.ts';
import { componentIds } from '../../emulators/discord/components.ts';
import type { EmuMessage } from '../../emulators/discord/emulator.ts';
import { message, user } from '../../emulators/discord/objects.ts';
import { answerOf, startHarness, type Harness } from './harness.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const EPHEMERAL = 64;
const bob = user('123456789012345678', 'bob');

describe('controls -> Discord components (pure)', () => {
  it('draws period buttons with the current one selected and disabled, and a benchmark select', () => {
    const rows = controlsToComponents(performanceControls('performance', { period: '3m', vs: 'nasdaq', small: 'iwm' }));
    const id = (period: string, vs = 'nasdaq') => `c1|performance|||period=${period}|vs=${vs}|small=iwm`;
    expect(rows).toEqual([
      {
        type: 1,
        components: [
          { type: 2, style: 2, label: '1m', custom_id: id('1m') },
          { type: 2, style: 1, label: '3m', custom_id: id('3m'), disabled: true },
          { type: 2, style: 2, label: 'ytd', custom_id: id('ytd') },
          { type: 2, style: 2, label: '1y', custom_id: id('1y') },
          { type: 2, style: 2, label: '5y', custom_id: id('5y') },
        ],
      },
      {
        type: 1,
        components: [
          {
            type: 3,
            custom_id: 'menu:Benchmark',
            placeholder: 'Benchmark',
            options: [
              { label: 'vs S&P 500 (SPY)', value: id('3m', 'sp500') },
              { label: 'vs Nasdaq 100 (QQQ)', value: id('3m', 'nasdaq'), default: true },
              { label: 'vs S&P 400 mid caps (MDY)', value: id('3m', 'midcap') },
              { label: 'vs Equal-weight S&P 500 (RSP)', value: id('3m', 'equalweight') },
            ],
          },
        ],
      },
    ]);
  });

  it('encodes the owner when only they may click, within 100 characters; a digest details button opens privately', () => {
    const [row] = controlsToComponents(performanceControls('chart', { period: 'since:2024-01-01', vs: 'equalweight', small: 'iwo' }), bob.id);
    const ids = row!.components.map((c) => c.custom_id);
    expect(ids.every((i) => i.length <= 100 && i.includes(`|${bob.id}|`))).toBe(true);
    expect(controlsToComponents([detailsControl({ period: '1m', vs: 'sp500', small: 'iwm' })])).toEqual([
      { type: 1, components: [{ type: 2, style: 2, label: 'Details', custom_id: 'c1|performance|p||period=1m|vs=sp500|small=iwm' }] },
    ]);
  });

  it('leaves a message without controls without components', () => {
    const payload = replyToDiscordPayload({ title: 'x', commentary: 'y', sections: [], sources: [], visibility: 'public', tone: 'neutral' });
    expect(payload.components).toBeUndefined();
  });
});

async function postedAnswer(hh: Harness, options: Record<string, string>): Promise<EmuMessage> {
  const sent = hh.emu.sendSlash({ subcommand: 'performance', options });
  await answerOf(hh.emu, sent);
  return hh.emu.interaction(sent.id)!.original!;
}

async function clickCallback(hh: Harness, click: { id: string; token: string }) {
  const req = await hh.emu.waitForRequest((r) => r.path === `/interactions/${click.id}/${click.token}/callback`);
  return req.json as { type: number; data?: { flags?: number; embeds: { title: string; description?: string; fields?: { name: string }[] }[]; components?: unknown[] } };
}

describe('clicks through the real discord.js client', () => {
  it('switches the period in place (UPDATE_MESSAGE) and keeps the controls', async () => {
    h = await startHarness({ adapter: { deferAfterMs: 2500 } });
    const posted = await postedAnswer(h, { period: '1m' });
    const ytd = componentIds(posted).buttons.find((b) => b.label === 'ytd')!;
    const click = h.emu.sendComponent({ message: posted, customId: ytd.custom_id });
    const body = await clickCallback(h, click);
    expect(body.type).toBe(7);
    expect(body.data?.embeds[0]?.title).toMatch(/^Small caps vs large caps, ytd/);
    const updated = h.emu.interaction(click.id)!.original!;
    expect(updated.id).toBe(posted.id);
    expect(componentIds(updated).buttons.map((b) => [b.label, Boolean(b.disabled)])).toEqual([['1m', false], ['3m', false], ['ytd', true], ['1y', false], ['5y', false]]);

    // The message as the channel now shows it takes a second click.
    const shown = h.emu.messagesIn(h.emu.channelId).find((m) => m.id === posted.id) ?? [...h.emu.state.interactions.values()].find((r) => r.payload.id !== click.id && r.original?.id === posted.id)!.original!;
    expect(shown).toBe(updated);
    const again = h.emu.sendComponent({ message: shown, customId: componentIds(shown).buttons.find((b) => b.label === '1y')!.custom_id });
    expect((await clickCallback(h, again)).data?.embeds[0]?.title).toMatch(/, 1y /);
  });

  it('switches the benchmark from the select', async () => {
    h = await startHarness({ adapter: { deferAfterMs: 2500 } });
    const posted = await postedAnswer(h, { period: '3m' });
    const select = componentIds(posted).selects[0]!;
    const nasdaq = select.options.find((o) => /Nasdaq/.test(o.label))!;
    const click = h.emu.sendComponent({ message: posted, customId: select.custom_id, values: [nasdaq.value] });
    const body = await clickCallback(h, click);
    expect(body.type).toBe(7);
    expect(body.data?.embeds[0]?.fields?.map((f) => f.name).slice(0, 2)).toEqual(['IWM', 'QQQ']);
    expect(componentIds(h.emu.interaction(click.id)!.original!).selects[0]?.options.find((o) => o.default)?.label).toMatch(/Nasdaq/);
  });

  it('defers the update (type 6) when data is slow, then edits the message', async () => {
    h = await startHarness({ delayMs: 700 });
    const posted = await postedAnswer(h, { period: '1m' });
    const fiveYears = componentIds(posted).buttons.find((b) => b.label === '5y')!;
    const click = h.emu.sendComponent({ message: posted, customId: fiveYears.custom_id });
    expect((await clickCallback(h, click)).type).toBe(6);
    const edit = await h.emu.waitForRequest((r) => r.method === 'PATCH' && r.path === `/webhooks/${h!.emu.applicationId}/${click.token}/messages/@original`, 10_000);
    expect((edit.json as { embeds: { title: string }[] }).embeds[0]?.title).toMatch(/, 5y/);
    expect(componentIds(h.emu.interaction(click.id)!.original!).buttons.find((b) => b.disabled)?.label).toBe('5y');
  });

  it('answers a forged or stale id with an ephemeral "expired" note, never a crash', async () => {
    h = await startHarness();
    const posted = await postedAnswer(h, { period: '1m' });
    for (const customId of ['c1|performance|||period=99y', 'c9|performance|||period=1m', 'x'.repeat(100), 'c1|nope|||']) {
      const click = h.emu.sendComponent({ message: posted, customId });
      const body = await clickCallback(h, click);
      expect([body.type, body.data?.flags], customId).toEqual([4, EPHEMERAL]);
      expect(body.data?.embeds[0]?.description).toMatch(/^That button has expired, run \/smallcaps (performance|help)/);
    }
    // Still answering afterwards.
    const again = h.emu.sendComponent({ message: posted, customId: componentIds(posted).buttons[1]!.custom_id });
    expect((await clickCallback(h, again)).type).toBe(7);
  });

  it('lets only the asker click when configured so', async () => {
    h = await startHarness({ adapter: { deferAfterMs: 2500, clickPolicy: 'owner' } });
    const posted = await postedAnswer(h, { period: '1m' });
    const ytd = componentIds(posted).buttons.find((b) => b.label === 'ytd')!;
    expect(ytd.custom_id).toContain(h.emu.alice.id);
    const other = await clickCallback(h, h.emu.sendComponent({ message: posted, customId: ytd.custom_id, user: bob }));
    expect([other.type, other.data?.flags, other.data?.embeds[0]?.title]).toEqual([4, EPHEMERAL, 'Not your answer']);
    const owner = await clickCallback(h, h.emu.sendComponent({ message: posted, customId: ytd.custom_id }));
    expect(owner.type).toBe(7);
  });

  it("opens a digest's details privately for whoever clicks", async () => {
    h = await startHarness({ adapter: { deferAfterMs: 2500 } });
    const digest = replyToDiscordPayload({ title: 'Digest', commentary: 'Small caps led.', sections: [], sources: [], visibility: 'public', tone: 'neutral', controls: [detailsControl({ period: '1m', vs: 'sp500', small: 'iwm' })] });
    const posted = message({ channelId: h.emu.channelId, guildId: h.emu.guildId, author: h.emu.botUser, content: '', embeds: digest.embeds, components: digest.components });
    const click = h.emu.sendComponent({ message: posted, customId: componentIds(posted).buttons[0]!.custom_id, user: bob });
    const body = await clickCallback(h, click);
    expect([body.type, body.data?.flags]).toEqual([4, EPHEMERAL]);
    expect(body.data?.embeds[0]?.title).toMatch(/^Small caps vs large caps, 1m/);
  });
});
