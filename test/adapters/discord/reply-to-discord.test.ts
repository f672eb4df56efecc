import { describe, expect, it } from 'vitest';
import { attachmentName, replyToDiscordPayload, type Embed } from '../../../adapters/discord/reply-to-discord.ts';
import { LIMITS, truncate } from '../../../adapters/discord/limits.ts';
import type { Field, Reply } from '../../../src/reply.ts';

const now = new Date('2025-09-15T14:30:00.000Z');

function field(i: number, over: Partial<Field> = {}): Field {
  return { key: `k${i}`, label: `Label ${i}`, value: i, unit: '%', display: `+${i}.0%`, direction: 'up', ...over };
}

const base: Reply = {
  title: 'Small caps vs large caps, 1 month',
  commentary: 'Small caps beat large caps by 4.1 points over the month.',
  sections: [
    {
      title: 'Returns',
      fields: [
        { key: 'small', label: 'Russell 2000 (IWM)', value: 7.29, unit: '%', display: '+7.29%', direction: 'up' },
        { key: 'large', label: 'S&P 500 (SPY)', value: -0.5, unit: '%', display: '-0.50%', direction: 'down' },
        { key: 'spread', label: 'Spread', value: 0, unit: 'pp', display: '0.0 pp', direction: 'flat' },
      ],
    },
  ],
  sources: [
    { name: 'IWM daily closes (Yahoo Finance)', asOf: '2025-09-12', stale: false },
    { name: 'Valuations (Benzinga)', asOf: '2025-08-29', stale: true, snapshot: true },
  ],
  visibility: 'public',
  tone: 'positive',
  notes: ['Assumed period: 1m (default)'],
};

function textSize(embeds: Embed[]): number {
  return embeds.reduce(
    (n, e) =>
      n +
      (e.title?.length ?? 0) +
      (e.description?.length ?? 0) +
      (e.footer?.text.length ?? 0) +
      (e.fields ?? []).reduce((m, f) => m + f.name.length + f.value.length, 0),
    0,
  );
}

describe('replyToDiscordPayload', () => {
  it('builds one embed with title, commentary and notes, inline fields, tone colour, footer and timestamp', () => {
    expect(replyToDiscordPayload(base, { now })).toEqual({
      embeds: [
        {
          title: 'Small caps vs large caps, 1 month',
          description: 'Small caps beat large caps by 4.1 points over the month.\n*Assumed period: 1m (default)*',
          color: 0x2e9d5b,
          fields: [
            { name: 'Russell 2000 (IWM)', value: '▲ +7.29%', inline: true },
            { name: 'S&P 500 (SPY)', value: '▼ -0.50%', inline: true },
            { name: 'Spread', value: '▬ 0.0 pp', inline: true },
          ],
          footer: {
            text: 'Sources: IWM daily closes (Yahoo Finance), as of 2025-09-12 · Valuations (Benzinga), as of 2025-08-29 (STALE, offline snapshot)',
          },
          timestamp: '2025-09-15T14:30:00.000Z',
        },
      ],
      allowed_mentions: { parse: [] },
    });
  });

  it('attaches the chart and shows it in the embed; ephemeral replies carry flag 64', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
    const payload = replyToDiscordPayload(
      { ...base, tone: 'negative', visibility: 'ephemeral', sections: [], chart: { png, alt: 'IWM vs SPY, rebased', name: 'performance 1m.png' } },
      { now },
    );
    expect(payload).toEqual({
      embeds: [
        {
          title: base.title,
          description: 'Small caps beat large caps by 4.1 points over the month.\n*Assumed period: 1m (default)*',
          color: 0xd64541,
          image: { url: 'attachment://performance-1m.png' },
          footer: { text: expect.stringMatching(/^Sources: /) },
          timestamp: '2025-09-15T14:30:00.000Z',
        },
      ],
      files: [{ name: 'performance-1m.png', data: png, contentType: 'image/png', description: 'IWM vs SPY, rebased' }],
      allowed_mentions: { parse: [] },
      flags: 64,
    });
  });

  it('adds heading fields when there are several titled sections, and renders a table as a code block', () => {
    const reply: Reply = {
      ...base,
      tone: 'neutral',
      notes: [],
      sources: [],
      sections: [
        { title: 'Valuation', fields: [field(1)] },
        { title: 'Growth', fields: [field(2, { direction: 'down', display: '-2.0%' })] },
      ],
      table: { columns: ['Meeting', 'P(cut)'], rows: [['2025-09-17', '92.1%'], ['2025-10-29', '74%']] },
    };
    expect(replyToDiscordPayload(reply, { now })).toEqual({
      embeds: [
        {
          title: base.title,
          description: 'Small caps beat large caps by 4.1 points over the month.\n```\nMeeting     P(cut)\n2025-09-17  92.1%\n2025-10-29  74%\n```',
          color: 0x5865f2,
          fields: [
            { name: 'Valuation', value: '\u200b', inline: false },
            { name: 'Label 1', value: '▲ +1.0%', inline: true },
            { name: 'Growth', value: '\u200b', inline: false },
            { name: 'Label 2', value: '▼ -2.0%', inline: true },
          ],
          timestamp: '2025-09-15T14:30:00.000Z',
        },
      ],
      allowed_mentions: { parse: [] },
    });
  });

  it('splits more than 25 fields across embeds, footer and timestamp on the last', () => {
    const reply: Reply = { ...base, sections: [{ title: 'Many', fields: Array.from({ length: 30 }, (_, i) => field(i)) }] };
    const { embeds } = replyToDiscordPayload(reply, { now });
    expect(embeds.map((e) => e.fields?.length)).toEqual([25, 5]);
    expect(embeds[0]?.title).toBe(base.title);
    expect(embeds[1]?.title).toBeUndefined();
    expect(embeds[0]?.footer).toBeUndefined();
    expect(embeds[1]?.footer?.text).toMatch(/^Sources: /);
    expect(embeds[1]?.timestamp).toBe('2025-09-15T14:30:00.000Z');
    expect(embeds.every((e) => e.color === 0x2e9d5b)).toBe(true);
  });

  it('trims long titles, descriptions and field values, and keeps the whole message within 6,000 characters', () => {
    const long = 'word '.repeat(3000);
    const reply: Reply = {
      ...base,
      title: long,
      commentary: long,
      sections: [{ title: 'x', fields: Array.from({ length: 300 }, (_, i) => field(i, { label: `L${i} ${'n'.repeat(300)}`, display: long })) }],
      table: { columns: ['a'], rows: Array.from({ length: 2000 }, () => ['row']) },
    };
    const { embeds } = replyToDiscordPayload(reply, { now });
    expect(embeds.length).toBeLessThanOrEqual(LIMITS.embedsPerMessage);
    expect(textSize(embeds)).toBeLessThanOrEqual(LIMITS.total);
    expect(embeds[0]?.title?.length).toBeLessThanOrEqual(LIMITS.title);
    expect(embeds[0]?.title?.endsWith('…')).toBe(true);
    expect(embeds[0]?.description?.length).toBeLessThanOrEqual(LIMITS.description);
    for (const e of embeds) {
      expect(e.fields?.length ?? 0).toBeLessThanOrEqual(LIMITS.fields);
      for (const f of e.fields ?? []) {
        expect(f.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
        expect(f.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
        expect(f.value.length).toBeGreaterThan(0);
      }
    }
    const lastFields = embeds.at(-1)?.fields ?? [];
    expect(lastFields.at(-1)?.value).toMatch(/^… \d+ more not shown$/);
    expect(embeds.at(-1)?.footer?.text).toMatch(/STALE, offline snapshot/);
  });

  it('cuts a table to the rows that fit and says how many were left out', () => {
    const reply: Reply = { ...base, notes: [], table: { columns: ['n'], rows: Array.from({ length: 2000 }, (_, i) => [String(i)]) } };
    const description = replyToDiscordPayload(reply, { now }).embeds[0]?.description ?? '';
    expect(description.length).toBeLessThanOrEqual(LIMITS.description);
    expect(description).toMatch(/\n… \d+ more rows\n```$/);
  });
});

describe('truncate and attachmentName', () => {
  it('cuts at a word boundary and never splits a surrogate pair', () => {
    expect(truncate('short', 10)).toBe('short');
    expect(truncate('the quick brown fox jumps', 20)).toBe('the quick brown fox…');
    expect(truncate('aaaaaaaaaaaaaaaaaaaa', 10)).toBe('aaaaaaaaa…');
    expect(truncate('abcdefgh😀xyz', 10)).toBe('abcdefgh…');
  });

  it('keeps attachment names plain so attachment:// resolves', () => {
    expect(attachmentName('rate cuts (Sep).png')).toBe('rate-cuts-Sep.png');
    expect(attachmentName('chart')).toBe('chart.png');
    expect(attachmentName('***')).toBe('chart.png');
  });
});
