/**
 * Published (curated) figures are read as of now like every dataset: before their publication date they do
 * not exist. Valuation and earnings then answer "unavailable" instead of quoting a figure from the future,
 * and the digest keeps its performance rows without a valuation section.
 */
import { describe, expect, it } from 'vitest';
import { allCommands } from '../../commands/index.ts';
import { createBot } from '../../src/bot.ts';
import { composeDigest } from '../../src/digest/compose.ts';
import { createSnapshotMarketData } from '../../src/market/snapshot.ts';
import { DataUnavailableError } from '../../src/metrics/errors.ts';
import { computeValuation } from '../../src/metrics/valuation.ts';

const JUNE_2019 = new Date('2019-06-14T15:00:00Z');
const SEPT_2025 = new Date('2025-09-10T20:00:00Z');

describe('curated figures as of now', () => {
  it('hides figures published after now from curated() and curatedAll()', async () => {
    const market = createSnapshotMarketData(() => JUNE_2019);
    await expect(market.curated('valuation.forward_pe.small')).rejects.toThrow(/known as of 2019-06-14/);
    expect(await market.curatedAll()).toEqual([]);
    const curated = (await market.status()).find((s) => s.dataset === 'curated');
    expect(curated).toMatchObject({ asOf: null, lastError: 'offline: no figure published by this date' });
    const later = createSnapshotMarketData(() => SEPT_2025);
    expect((await later.curated('valuation.forward_pe.small')).value).toBe(13.6);
  });

  it('makes valuation and earnings unavailable before the figures exist', async () => {
    const market = createSnapshotMarketData(() => JUNE_2019);
    await expect(computeValuation(market)).rejects.toBeInstanceOf(DataUnavailableError);
    const bot = createBot({ commands: allCommands, market, now: () => JUNE_2019 });
    for (const command of ['valuation', 'earnings']) {
      const reply = await bot.run(command);
      expect(reply.error?.kind, command).toBe('unavailable');
      expect(reply.sections, command).toEqual([]);
      expect(reply.sources, command).toEqual([]);
    }
  });

  it('composes the digest without valuation or rate cuts, and nothing dated after now', async () => {
    const market = createSnapshotMarketData(() => JUNE_2019);
    const { digestRateCuts } = await import('../../commands/ratecuts.ts');
    const reply = await composeDigest({ market, now: JUNE_2019, rateCuts: digestRateCuts });
    expect(reply.error).toBeUndefined();
    expect(reply.data).toMatchObject({ valuation: null, ratecuts: null });
    expect(reply.sources.filter((s) => s.asOf > '2019-06-14')).toEqual([]);
    expect(reply.sections.map((s) => s.title)).not.toContain('Valuation');
    expect(reply.notes).toContain('No published valuation figures are known as of this date.');
    expect(reply.notes?.join(' ')).toMatch(/No fed funds futures strip is available as of 2019-06-14/);
    // Not even a message names a date after now (say, where the bundled strips begin).
    const dates = JSON.stringify(reply).match(/\d{4}-\d{2}-\d{2}/g) ?? [];
    expect(dates.filter((d) => d > '2019-06-14')).toEqual([]);
  });
});
