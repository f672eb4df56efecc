/**
 * Before the bundled strips begin (or with every futures provider down) rate-cut odds are missing data:
 * the command says so as "unavailable" and the digest keeps its other sections, instead of an internal error.
 */
import { describe, expect, it } from 'vitest';
import { allCommands } from '../../commands/index.ts';
import { digestRateCuts } from '../../commands/ratecuts.ts';
import { createBot } from '../../src/bot.ts';
import { AllProvidersFailedError } from '../../src/market/chain.ts';
import { createSnapshotMarketData } from '../../src/market/snapshot.ts';
import { ProviderError } from '../../src/market/types.ts';
import { DataUnavailableError } from '../../src/metrics/errors.ts';
import { loadRateCuts } from '../../src/metrics/ratecuts.ts';

const JUNE_2019 = new Date('2019-06-14T15:00:00Z');

describe('rate-cut pricing without any futures strip', () => {
  it('is unavailable, naming the date, when the bundle has no strip by now', async () => {
    const market = createSnapshotMarketData(() => JUNE_2019);
    await expect(loadRateCuts(market, JUNE_2019)).rejects.toBeInstanceOf(DataUnavailableError);
    const reply = await createBot({ commands: allCommands, market, now: () => JUNE_2019 }).run('ratecuts');
    expect(reply.error?.kind).toBe('unavailable');
    expect(reply.commentary).toMatch(/as of 2019-06-14/);
    const section = await digestRateCuts(market, JUNE_2019);
    expect(section?.data).toBeNull();
    expect(section?.lines[0]).toMatch(/No fed funds futures strip/);
  });

  it('is unavailable when every live futures provider failed', async () => {
    const market = {
      ...createSnapshotMarketData(() => JUNE_2019),
      futuresStrip: async () => {
        throw new AllProvidersFailedError('futures', [{ provider: 'yahoo', error: new ProviderError('yahoo', 'network error', 'http') }]);
      },
    };
    const reply = await createBot({ commands: allCommands, market, now: () => JUNE_2019 }).run('ratecuts');
    expect(reply.error?.kind).toBe('unavailable');
  });

  it('still fails loudly on a programming error', async () => {
    const market = {
      ...createSnapshotMarketData(() => JUNE_2019),
      futuresStrip: async () => {
        throw new TypeError('boom');
      },
    };
    await expect(loadRateCuts(market, JUNE_2019)).rejects.toBeInstanceOf(TypeError);
  });
});
