/**
 * Alerts: 10,000 rules over 500 channels evaluated in one refresh, from the bundled history (offline, a
 * fixed date inside the futures strip history): time, distinct metrics evaluated, and memory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { checkAlerts } from '../src/alerts/check.ts';
import { parseRuleSpec, type AlertArgs } from '../src/alerts/rule.ts';
import { alertWiring } from '../src/alerts/wiring.ts';
import type { Deliverer } from '../src/digest/deliverer.ts';
import { silentLogger } from '../src/logger.ts';
import { createMarketData } from '../src/market/live.ts';
import { openStore } from '../src/store/open.ts';
import { record } from './lib/summary.ts';

const RULES = 10_000;
const NOW = new Date('2026-07-01T21:00:00Z');
const TEMPLATES: AlertArgs[] = [
  { kind: 'spread', target: '1m', direction: 'above', threshold: '2' },
  { kind: 'spread', target: '3m', direction: 'below', threshold: '-2', vs: 'nasdaq' },
  { kind: 'spread', target: 'ytd', direction: 'above', threshold: '1', small: 'rut' },
  { kind: 'move', target: 'iwm', window: '1d', direction: 'below', threshold: '-1' },
  { kind: 'move', target: 'sp500', window: '5d', direction: 'above', threshold: '1' },
  { kind: 'cut', target: 'next', direction: 'above', threshold: '20' },
  { kind: 'cuts', target: 'yearend', direction: 'above', threshold: '1' },
  { kind: 'odds-change', target: 'next', threshold: '5' },
];
const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;

export default async function bench(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'capwatch-bench-alerts-'));
  const store = await openStore({ dataDir });
  try {
    for (let i = 0; i < RULES; i++) {
      const spec = parseRuleSpec(TEMPLATES[i % TEMPLATES.length]!);
      await store.alerts.create({ ...spec, platform: i % 2 ? 'slack' : 'discord', channelId: `C${i % 500}`, createdBy: 'bench' }, 100, NOW);
    }
    const now = () => NOW;
    const market = createMarketData({ config: { yahooBaseUrl: 'http://127.0.0.1:9', stooqBaseUrl: 'http://127.0.0.1:9', nyfedBaseUrl: 'http://127.0.0.1:9', fredBaseUrl: 'http://127.0.0.1:9', offline: true }, store, now });
    const wiring = alertWiring(market, now);
    let sent = 0;
    const deliverers: Deliverer[] = (['discord', 'slack'] as const).map((platform) => ({ platform, send: async () => void sent++ }));
    global.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    const t0 = performance.now();
    const result = await checkAlerts({ repo: store.alerts, metrics: wiring.metrics, now, logger: silentLogger, deliverers, post: true });
    const ms = performance.now() - t0;
    clearInterval(sampler);
    const noData = result.outcomes.filter((o) => o.status.startsWith('no-data')).length;
    console.log(`${RULES} rules, ${result.metricsEvaluated} distinct metrics evaluated once each: ${Math.round(ms)} ms (${(ms / RULES).toFixed(3)} ms a rule), ${sent} posted, ${noData} without data`);
    console.log(`RSS ${mb(before)} MB before, peak ${mb(peak)} MB during the refresh`);
    record('alerts.refresh10kMs', ms);
    record('alerts.metricsEvaluated', result.metricsEvaluated);
    record('alerts.peakRssMb', mb(peak));
  } finally {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
