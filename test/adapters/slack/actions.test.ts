import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { controlsToBlocks } from '../../../adapters/slack/controls-to-blocks.ts';
import { detailsControl, performanceControls } from '../../../src/controls.ts';
import { blockActionsBody, type BlockActionInput } from '../../emulators/slack/actions.ts';
import { blockProblem } from '../../emulators/slack/block-validator.ts';
import { postSigned, type PostSignedOptions } from '../../emulators/slack/signer.ts';
import { marketWithBars } from './fakes.ts';
import { NOW, SECRET, startHarness, type Harness } from './harness.ts';

type Element = BlockActionInput['element'] & { text?: { text: string }; style?: string; initial_option?: { value: string } };
type Payload = { response_type?: string; replace_original?: boolean; text?: string; blocks?: { type: string; text?: { text: string }; elements?: Element[] }[] };

const headerOf = (p: Payload) => p.blocks?.find((b) => b.type === 'header')?.text?.text;
const elementsOf = (p: Payload) => p.blocks?.find((b) => b.type === 'actions')?.elements ?? [];
const button = (p: Payload, label: string) => elementsOf(p).find((e) => e.type === 'button' && e.text?.text === label)!;

describe('controls -> Block Kit actions (pure)', () => {
  it('renders period buttons (current one primary) and a benchmark static_select with its initial option', () => {
    const [block] = controlsToBlocks(performanceControls('performance', { period: '1m', vs: 'sp500', small: 'iwm' }));
    const id = (period: string, vs = 'sp500') => `c1|performance|||period=${period}|vs=${vs}|small=iwm`;
    const text = (t: string) => ({ type: 'plain_text', text: t, emoji: true });
    expect(block).toEqual({
      type: 'actions',
      block_id: 'capwatch-controls',
      elements: [
        { type: 'button', action_id: 'cw:0.0', text: text('1m'), value: id('1m'), style: 'primary' },
        { type: 'button', action_id: 'cw:0.1', text: text('3m'), value: id('3m') },
        { type: 'button', action_id: 'cw:0.2', text: text('ytd'), value: id('ytd') },
        { type: 'button', action_id: 'cw:0.3', text: text('1y'), value: id('1y') },
        { type: 'button', action_id: 'cw:0.4', text: text('5y'), value: id('5y') },
        {
          type: 'static_select',
          action_id: 'cw:1',
          placeholder: text('Benchmark'),
          options: [
            { text: text('vs S&P 500 (SPY)'), value: id('1m') },
            { text: text('vs Nasdaq 100 (QQQ)'), value: id('1m', 'nasdaq') },
            { text: text('vs S&P 400 mid caps (MDY)'), value: id('1m', 'midcap') },
            { text: text('vs Equal-weight S&P 500 (RSP)'), value: id('1m', 'equalweight') },
          ],
          initial_option: { text: text('vs S&P 500 (SPY)'), value: id('1m') },
        },
      ],
    });
    expect(blockProblem([block])).toBeNull();
    expect(controlsToBlocks(undefined)).toEqual([]);
  });
});

describe('clicks on Slack answers through the real Bolt app', () => {
  let h: Harness;
  let seq = 0;
  beforeAll(async () => {
    h = await startHarness({ bot: { market: marketWithBars(NOW) } });
  });
  afterAll(() => h.close());

  async function answer(text: string): Promise<Payload> {
    const res = await h.slash(text);
    if (res.json) return res.json as Payload;
    return (await h.api.waitFor(() => h.api.responses.find((r) => r.id === res.responseId))).body as Payload;
  }

  async function click(input: Omit<BlockActionInput, 'responseUrl'>, sign: Partial<PostSignedOptions> = {}) {
    const id = `click${++seq}`;
    const res = await postSigned(h.eventsUrl, blockActionsBody({ ...input, responseUrl: h.api.responseUrl(id) }), { secret: SECRET, ...sign });
    return { res, reply: () => h.api.waitFor(() => h.api.responses.find((r) => r.id === id)).then((r) => r.body as Payload) };
  }

  it('acks and replaces the message with the new period, controls kept', async () => {
    const first = await answer('performance 1m');
    expect(headerOf(first)).toMatch(/, 1m /);
    const { res, reply } = await click({ element: button(first, 'ytd') });
    expect(res.status).toBe(200);
    const updated = await reply();
    expect(updated.replace_original).toBe(true);
    expect(headerOf(updated)).toMatch(/, ytd /);
    expect(blockProblem(updated.blocks)).toBeNull();
    expect(button(updated, 'ytd').style).toBe('primary');
    expect(button(updated, '1m').style).toBeUndefined();
  });

  it('switches the benchmark from the static_select', async () => {
    const first = await answer('performance 3m');
    const select = elementsOf(first).find((e) => e.type === 'static_select')!;
    const nasdaq = select.options!.find((o) => o.value.includes('vs=nasdaq'))!;
    const updated = await (await click({ element: select, selected: nasdaq.value })).reply();
    expect(updated.replace_original).toBe(true);
    expect(JSON.stringify(updated.blocks)).toContain('QQQ');
    expect(elementsOf(updated).find((e) => e.type === 'static_select')?.initial_option?.value).toBe(nasdaq.value);
  });

  it('answers a forged value with an ephemeral "expired" note and leaves the message alone', async () => {
    for (const value of ['c1|performance|||period=99y', 'c0|performance|||period=1m', 'garbage']) {
      const { res, reply } = await click({ element: { type: 'button', action_id: 'cw:0.0', value } });
      expect(res.status).toBe(200);
      const note = await reply();
      expect(note).toEqual({ response_type: 'ephemeral', replace_original: false, text: expect.stringMatching(/^That button has expired, run \/smallcaps (performance|help)/) });
    }
  });

  it('refuses a bad signature with 401 and answers nothing', async () => {
    const first = await answer('performance 1m');
    const before = h.api.responses.length;
    const { res } = await click({ element: button(first, '3m') }, { secret: 'not-the-secret' });
    expect(res.status).toBe(401);
    await new Promise((r) => setTimeout(r, 100));
    expect(h.api.responses.length).toBe(before);
  });

  it("lets only the asker click an owner's answer, and opens a digest's details privately", async () => {
    const [owned] = controlsToBlocks(performanceControls('performance', { period: '1m', vs: 'sp500', small: 'iwm' }), 'U0ALICE');
    const ytd = (owned as { elements: Element[] }).elements[2]!;
    expect((await (await click({ element: ytd, userId: 'U0BOB' })).reply()).text).toMatch(/Only the person who asked/);
    expect((await (await click({ element: ytd, userId: 'U0ALICE' })).reply()).replace_original).toBe(true);

    const [digest] = controlsToBlocks([detailsControl({ period: '1m', vs: 'sp500', small: 'iwm' })]);
    const details = await (await click({ element: (digest as { elements: Element[] }).elements[0]!, userId: 'U0BOB' })).reply();
    expect([details.response_type, details.replace_original]).toEqual(['ephemeral', false]);
    expect(headerOf(details)).toMatch(/^Small caps vs large caps, 1m/);
  });
});
