import { describe, it, expect } from 'vitest';
import { fit, LIMITS, replyToBlockKit, tableText } from '../../../adapters/slack/reply-to-blocks.ts';
import type { Field, Reply } from '../../../src/reply.ts';

const field = (i: number, direction: Field['direction'] = 'up'): Field => ({
  key: `k${i}`,
  label: `L${i}`,
  value: i,
  unit: '%',
  display: `+${i}.0%`,
  direction,
});

const base: Reply = {
  title: 'Small caps vs large caps, 1m',
  commentary: 'Small caps beat large caps by 2.1 pp.',
  sections: [],
  sources: [],
  visibility: 'public',
  tone: 'positive',
};

describe('replyToBlockKit', () => {
  it('renders header, commentary, fields, table and footer', () => {
    const reply: Reply = {
      ...base,
      sections: [{ title: 'Returns', fields: [field(1), field(2, 'down')] }],
      table: { columns: ['Sym', 'Ret'], rows: [['IWM', '+7.3%']] },
      sources: [
        { name: 'IWM closes (Yahoo Finance)', asOf: '2025-09-19', stale: false },
        { name: 'Valuations (curated)', asOf: '2025-08-01', stale: true, snapshot: true },
      ],
      notes: ['Assumed period: 1m (default)'],
    };
    expect(replyToBlockKit(reply)).toEqual({
      text: 'Small caps vs large caps, 1m\nSmall caps beat large caps by 2.1 pp.\nL1: +1.0%\nL2: +2.0%',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'Small caps vs large caps, 1m', emoji: true } },
        { type: 'section', text: { type: 'mrkdwn', text: 'Small caps beat large caps by 2.1 pp.' } },
        { type: 'context', elements: [{ type: 'mrkdwn', text: '_Assumed period: 1m (default)_' }] },
        {
          type: 'section',
          text: { type: 'mrkdwn', text: '*Returns*' },
          fields: [
            { type: 'mrkdwn', text: '*L1*\n\u25B2 +1.0%' },
            { type: 'mrkdwn', text: '*L2*\n\u25BC +2.0%' },
          ],
        },
        { type: 'section', text: { type: 'mrkdwn', text: '```\nSym  Ret\n---  -----\nIWM  +7.3%\n```' } },
        {
          type: 'context',
          elements: [
            { type: 'mrkdwn', text: 'Sources: IWM closes (Yahoo Finance), as of 2025-09-19' },
            { type: 'mrkdwn', text: 'Valuations (curated), as of 2025-08-01 (:warning: *stale*, *offline snapshot*)' },
          ],
        },
      ],
    });
  });

  it('splits more than 10 fields over several sections, title on the first only', () => {
    const fields = Array.from({ length: 23 }, (_, i) => field(i));
    const { blocks } = replyToBlockKit({ ...base, title: '', commentary: '', sections: [{ title: 'Many', fields }] });
    expect(blocks.map((b) => b.type)).toEqual(['section', 'section', 'section']);
    expect(blocks.map((b) => ('fields' in b ? b.fields?.length : 0))).toEqual([10, 10, 3]);
    expect(blocks.map((b) => ('text' in b ? b.text : undefined))).toEqual([
      { type: 'mrkdwn', text: '*Many*' },
      undefined,
      undefined,
    ]);
  });

  it('escapes hostile text everywhere it lands in mrkdwn', () => {
    const reply: Reply = {
      ...base,
      commentary: 'I did not understand "<!channel> *boom* <@U999>".',
      sections: [{ title: '<!here>', fields: [{ ...field(1), label: '_x_ & y' }] }],
      sources: [{ name: '<!everyone>', asOf: '2025-01-01', stale: false }],
    };
    const { text, blocks } = replyToBlockKit(reply);
    const all = JSON.stringify(blocks) + text;
    expect(all).not.toMatch(/<!|<@/);
    expect(blocks[1]).toEqual({
      type: 'section',
      text: { type: 'mrkdwn', text: 'I did not understand "&lt;!channel&gt; \u2217boom\u2217 &lt;@U999&gt;".' },
    });
    expect(text).toContain('&lt;!channel&gt;');
  });

  it('always sets a non-empty text fallback', () => {
    expect(replyToBlockKit({ ...base, title: '', commentary: '' })).toEqual({ text: 'capwatch', blocks: [] });
  });

  it('keeps within the size limits', () => {
    const long = 'x'.repeat(5000);
    const fields = Array.from({ length: 600 }, (_, i) => ({ ...field(i), label: long }));
    const { text, blocks } = replyToBlockKit({
      ...base,
      title: long,
      commentary: long,
      sections: [{ title: long, fields }],
      sources: Array.from({ length: 14 }, (_, i) => ({ name: `S${i}`, asOf: '2025-01-01', stale: false })),
    });
    expect(blocks).toHaveLength(LIMITS.blocks);
    expect(text.length).toBeLessThanOrEqual(LIMITS.fallbackText);
    const header = blocks[0];
    expect(header?.type === 'header' && header.text.text.length).toBe(LIMITS.header);
    for (const b of blocks) {
      if (b.type === 'section') {
        expect(b.text?.text.length ?? 0).toBeLessThanOrEqual(LIMITS.text);
        for (const f of b.fields ?? []) expect(f.text.length).toBeLessThanOrEqual(LIMITS.field);
      }
      if (b.type === 'context') expect(b.elements.length).toBeLessThanOrEqual(LIMITS.contextElements);
    }
    // the footer survives the cut and folds sources 10..14 into its last element
    const footer = blocks.at(-1);
    expect(footer?.type === 'context' && footer.elements.at(-1)).toEqual({ type: 'mrkdwn', text: 'S9, as of 2025-01-01 \u00B7 S10, as of 2025-01-01 \u00B7 S11, as of 2025-01-01 \u00B7 S12, as of 2025-01-01 \u00B7 S13, as of 2025-01-01' });
    expect(blocks.at(-2)).toEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: 'Some details were left out to fit in one Slack message.' }],
    });
  });
});

describe('fit', () => {
  it('does not cut an entity in half', () => {
    expect(fit('ab&amp;cd', 5)).toBe('ab\u2026');
    expect(fit('abc', 3)).toBe('abc');
  });
});

describe('tableText', () => {
  it('drops rows that do not fit and says how many', () => {
    const rows = Array.from({ length: 100 }, (_, i) => [`ROW${i}`, 'v'.repeat(20)]);
    const text = tableText({ columns: ['a', 'b'], rows }, 200);
    expect(text.length).toBeLessThanOrEqual(200);
    expect(text).toMatch(/\u2026 \d+ more rows\n```$/);
    expect(text.startsWith('```\na      b\n')).toBe(true);
  });
});
