/**
 * A past meeting answered from the range history alone (no strip before it can price it) still names where
 * its numbers come from, and does not claim no strip exists when one does but lacks the contract month.
 */
import { describe, expect, it } from 'vitest';
import { allCommands } from '../../commands/index.ts';
import { createBot } from '../../src/bot.ts';
import { createSnapshotMarketData } from '../../src/market/snapshot.ts';

describe('ratecuts for a past meeting without pricing', () => {
  it('gives the decided range with the range history as its source', async () => {
    const now = () => new Date('2026-03-10T15:00:00Z');
    const bot = createBot({ commands: allCommands, market: createSnapshotMarketData(now), now });
    // The bundled strips of January 2026 start at contract month 2026-07: they cannot price the Jan 28 meeting.
    const reply = await bot.run('ratecuts 2026-01-28');
    expect(reply.error).toBeUndefined();
    expect(reply.title).toBe('FOMC Jan 28, 2026: held at 3.50-3.75%');
    expect(reply.sections.flatMap((s) => s.fields.map((f) => f.key))).toContain('rangeAfter');
    expect(reply.sources.map((s) => s.name).join(' ')).toMatch(/Fed target range (history|after the decision)/);
    expect(reply.sources.every((s) => s.asOf <= '2026-03-10')).toBe(true);
    expect(reply.commentary).toMatch(/No futures strip at hand from the trading days just before it prices this meeting/);
  });
});
