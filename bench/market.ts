/**
 * Market data figures: warm cache hit latency, a cache hit after a restart (SQLite), and single-flight
 * under 1,000 concurrent asks (upstream calls counted at a local Yahoo stand-in).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createMarketData } from '../src/market/live.ts';
import { openStore } from '../src/store/open.ts';
import { percentile } from './lib/stats.ts';

const NOW = new Date('2026-11-21T15:00:00Z');

function chartBody(symbol: string): string {
  const timestamps: number[] = [];
  const closes: number[] = [];
  for (let t = Date.parse('2025-09-01T14:30:00Z'); t <= Date.parse('2026-11-20T14:30:00Z'); t += 86_400_000) {
    const day = new Date(t).getUTCDay();
    if (day === 0 || day === 6) continue;
    timestamps.push(t / 1000);
    closes.push(200 + timestamps.length * 0.1);
  }
  return JSON.stringify({
    chart: {
      result: [{ meta: { symbol, exchangeTimezoneName: 'America/New_York', gmtoffset: -18000 }, timestamp: timestamps, indicators: { quote: [{ close: closes }] } }],
      error: null,
    },
  });
}

async function timeMany(n: number, fn: () => Promise<unknown>): Promise<{ p50: number; p99: number }> {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p99: percentile(samples, 99) };
}

export default async function bench(): Promise<void> {
  let upstream = 0;
  const server = createServer((req, res) => {
    upstream += 1;
    const symbol = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname.split('/').at(-1) ?? '');
    // A little latency, as a real vendor has, so concurrent asks overlap.
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(chartBody(symbol));
    }, 20);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const dir = mkdtempSync(join(tmpdir(), 'capwatch-bench-market-'));
  const file = join(dir, 'bench.db');
  const config = { yahooBaseUrl: base, stooqBaseUrl: base, nyfedBaseUrl: base, fredBaseUrl: base };
  try {
    const store = await openStore({ file });
    const market = createMarketData({ config, store, now: () => NOW });

    upstream = 0;
    const t0 = performance.now();
    await Promise.all(Array.from({ length: 1_000 }, () => market.dailyBars('IWM', '2026-10-20', '2026-11-20')));
    const burstMs = performance.now() - t0;
    console.log(`market: single-flight, 1,000 concurrent dailyBars(IWM) -> ${upstream} upstream call(s) in ${burstMs.toFixed(1)} ms`);

    const warm = await timeMany(10_000, () => market.dailyBars('IWM', '2026-10-20', '2026-11-20'));
    console.log(`market: warm cache hit dailyBars (1 month of bars): p50 ${(warm.p50 * 1000).toFixed(1)} µs, p99 ${(warm.p99 * 1000).toFixed(1)} µs`);
    const periods = ['2026-11-13', '2026-08-20', '2026-01-01', '2025-11-20'];
    const mixed = await timeMany(10_000, () => market.dailyBars('IWM', periods[Math.floor(Math.random() * periods.length)]!, '2026-11-20'));
    console.log(`market: warm cache hit, mixed periods 5d..1y: p50 ${(mixed.p50 * 1000).toFixed(1)} µs, p99 ${(mixed.p99 * 1000).toFixed(1)} µs`);
    await store.close();

    upstream = 0;
    const reopened = await openStore({ file });
    const restarted = createMarketData({ config, store: reopened, now: () => NOW });
    const r0 = performance.now();
    await restarted.dailyBars('IWM', '2026-10-20', '2026-11-20');
    console.log(`market: first ask after a restart (SQLite hit): ${(performance.now() - r0).toFixed(2)} ms, ${upstream} upstream call(s)`);
    await reopened.close();
  } finally {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await bench();
