import { afterEach, describe, expect, it } from 'vitest';
import { AllProvidersFailedError, Breaker, orderProviders, runChain } from '../../src/market/chain.ts';
import { SourceStatus } from '../../src/market/status.ts';
import { ProviderError, UnknownSymbolError } from '../../src/market/types.ts';
import { tempDb } from './helpers/db.ts';

const now = () => new Date('2026-11-21T10:00:00Z');
const ok = (id: string, asOf = '2026-11-20') => ({ id, run: async () => ({ value: id, source: `${id} source`, asOf }) });
const fail = (id: string, kind: ProviderError['kind'] = 'http') => ({
  id,
  run: async (): Promise<never> => {
    throw new ProviderError(id, `${kind} trouble`, kind);
  },
});

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  cleanup = undefined;
});

describe('runChain', () => {
  it('first success wins and is not a fallback', async () => {
    const got = await runChain({ dataset: 'rates', now }, [ok('a'), ok('b')]);
    expect(got.value).toBe('a');
    expect(got.provenance).toEqual({ source: 'a source', provider: 'a', asOf: '2026-11-20', fetchedAt: '2026-11-21T10:00:00.000Z', stale: false, fallback: false, snapshot: false });
  });

  it('moves on after failures, labels the answer a fallback and records each error', async () => {
    const t = await tempDb();
    cleanup = t.cleanup;
    const status = new SourceStatus(t.db.sourceStatus, now);
    const got = await runChain({ dataset: 'rates', now, status }, [fail('a', 'timeout'), ok('b')]);
    expect(got.value).toBe('b');
    expect(got.provenance.fallback).toBe(true);
    const rows = await status.providers();
    expect(rows.find((r) => r.provider === 'a')).toMatchObject({ lastError: 'a: timeout trouble', lastOkAt: null });
    expect(rows.find((r) => r.provider === 'b')).toMatchObject({ asOf: '2026-11-20', lastError: null });
  });

  it('turns unexpected exceptions into provider errors instead of crashing', async () => {
    const boom = { id: 'a', run: async (): Promise<never> => { throw new TypeError('x is undefined'); } };
    const got = await runChain({ dataset: 'bars', now }, [boom, ok('b')]);
    expect(got.provenance.provider).toBe('b');
  });

  it('reports every failure when no provider answers; not_found when all said so', async () => {
    const err = await runChain({ dataset: 'bars', now }, [fail('a', 'not_found'), fail('b', 'not_found')]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AllProvidersFailedError);
    expect((err as AllProvidersFailedError).kind).toBe('not_found');
    expect((err as AllProvidersFailedError).failures.map((f) => f.provider)).toEqual(['a', 'b']);
    const mixed = await runChain({ dataset: 'bars', now }, [fail('a', 'not_found'), fail('b', 'timeout')]).catch((e: unknown) => e);
    expect((mixed as AllProvidersFailedError).kind).toBe('timeout');
    expect((mixed as Error).message).toMatch(/a: not_found trouble; b: timeout trouble/);
    // Yahoo unreachable, Stooq without the symbol: the symbol is not unknown, the network is down.
    const unreachable = await runChain({ dataset: 'bars', now }, [fail('yahoo', 'http'), fail('stooq', 'not_found')]).catch((e: unknown) => e);
    expect((unreachable as AllProvidersFailedError).kind).toBe('http');
  });

  it('passes input mistakes straight through', async () => {
    const bad = { id: 'a', run: async (): Promise<never> => { throw new UnknownSymbolError('$$$'); } };
    await expect(runChain({ dataset: 'bars', now }, [bad, ok('b')])).rejects.toBeInstanceOf(UnknownSymbolError);
  });
});

describe('Breaker', () => {
  it('skips a provider that timed out until the cool-down has passed, then asks it again', async () => {
    let clock = 0;
    const breaker = new Breaker(30_000, () => clock);
    let calls = 0;
    const flaky = { id: 'a', run: async (): Promise<never> => { calls += 1; throw new ProviderError('a', 'request timed out', 'timeout'); } };
    const ctx = { dataset: 'rates' as const, now, breaker };
    expect((await runChain(ctx, [flaky, ok('b')])).provenance.provider).toBe('b');
    expect((await runChain(ctx, [flaky, ok('b')])).provenance.provider).toBe('b');
    expect(calls).toBe(1);
    const err = await runChain(ctx, [flaky]).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/skipped for now after: a: request timed out/);
    clock = 30_000;
    await runChain(ctx, [flaky, ok('b')]);
    expect(calls).toBe(2);
  });

  it('stays closed for payload problems and unknown symbols, and after a success', async () => {
    const breaker = new Breaker(30_000, () => 0);
    const ctx = { dataset: 'bars' as const, now, breaker };
    await runChain(ctx, [fail('a', 'invalid'), ok('b')]);
    await runChain(ctx, [fail('a', 'not_found'), ok('b')]);
    expect(breaker.skipReason('a')).toBeNull();
    breaker.record('a', new ProviderError('a', 'HTTP 500', 'http'));
    expect(breaker.skipReason('a')).toBe('a: HTTP 500');
    breaker.record('a', null);
    expect(breaker.skipReason('a')).toBeNull();
  });
});

describe('orderProviders', () => {
  const available = [{ id: 'yahoo' }, { id: 'stooq' }];
  it('keeps the default order, applies a configured one, ignores the implicit snapshot', () => {
    expect(orderProviders('bars', available).map((p) => p.id)).toEqual(['yahoo', 'stooq']);
    expect(orderProviders('bars', available, ['stooq', 'snapshot']).map((p) => p.id)).toEqual(['stooq']);
  });
  it('rejects unknown provider ids', () => {
    expect(() => orderProviders('bars', available, ['iex'])).toThrow(/unknown provider "iex" for bars/);
  });
});

describe('SourceStatus', () => {
  it('lists each dataset with its last provider, as-of and most recent error, across a restart', async () => {
    const t = await tempDb();
    cleanup = t.cleanup;
    let clock = new Date('2026-11-21T10:00:00Z');
    const status = new SourceStatus(t.db.sourceStatus, () => clock);
    status.recordError('rates', 'nyfed', 'nyfed: HTTP 500');
    status.recordSuccess('rates', { source: 'FRED', provider: 'fred', asOf: '2026-11-20', fetchedAt: clock.toISOString(), stale: false, fallback: true, snapshot: false });
    clock = new Date('2026-11-21T11:00:00Z');
    status.markStale('rates', 'fred');
    // Writes reach the store in order; a restarted process reads them from there.
    await status.flushed();
    const rows = await new SourceStatus((await t.reopen()).sourceStatus, () => clock).list();
    expect(rows.map((r) => r.dataset)).toEqual(['bars', 'futures', 'rates', 'curated']);
    expect(rows.find((r) => r.dataset === 'rates')).toEqual({
      dataset: 'rates',
      provider: 'fred',
      asOf: '2026-11-20',
      fetchedAt: '2026-11-21T10:00:00.000Z',
      stale: true,
      lastError: 'nyfed: HTTP 500 (at 2026-11-21T10:00:00.000Z)',
    });
    expect(rows.find((r) => r.dataset === 'bars')).toMatchObject({ provider: null, lastError: null });
  });
});
