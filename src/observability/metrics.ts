/**
 * The process's Prometheus metrics (prom-client). One registry per process: hook points import the
 * metric they count, so each hook is one line. Default process metrics start with startProcessMetrics().
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export const registry = new Registry();

export const commandsTotal = new Counter({
  name: 'capwatch_commands_total',
  help: 'Commands and questions answered, by command, platform and outcome (ok, input, unavailable, internal, rate_limited, ...)',
  labelNames: ['command', 'platform', 'outcome'] as const,
  registers: [registry],
});

export const commandDuration = new Histogram({
  name: 'capwatch_command_duration_seconds',
  help: 'Time from invocation to reply, by command and platform',
  labelNames: ['command', 'platform'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});

export const providerRequestsTotal = new Counter({
  name: 'capwatch_provider_requests_total',
  help: 'Upstream provider requests, by provider, dataset and outcome (ok, error)',
  labelNames: ['provider', 'dataset', 'outcome'] as const,
  registers: [registry],
});

export const cacheHitsTotal = new Counter({
  name: 'capwatch_cache_hits_total',
  help: 'Market data answered from the cache without an upstream call',
  labelNames: ['dataset'] as const,
  registers: [registry],
});

export const digestDeliveriesTotal = new Counter({
  name: 'capwatch_digest_deliveries_total',
  help: 'Digest deliveries, by platform and outcome (sent, failed, paused, ...)',
  labelNames: ['platform', 'outcome'] as const,
  registers: [registry],
});

type Queue = { size: number; pending: number };
// Weak: a fan-out that is gone stops counting without having to say so.
const queues = new Map<string, Set<WeakRef<Queue>>>();

/** Counts a fan-out queue (waiting plus running sends) in capwatch_fanout_queue_depth while it exists. */
export function watchQueue(platform: string, queue: Queue): void {
  const set = queues.get(platform) ?? new Set();
  set.add(new WeakRef(queue));
  queues.set(platform, set);
}

export const fanoutQueueDepth = new Gauge({
  name: 'capwatch_fanout_queue_depth',
  help: 'Digest deliveries waiting or running in the fan-out queues, by platform',
  labelNames: ['platform'] as const,
  registers: [registry],
  collect() {
    for (const [platform, set] of queues) {
      let depth = 0;
      for (const ref of set) {
        const q = ref.deref();
        if (q) depth += q.size + q.pending;
        else set.delete(ref);
      }
      this.set({ platform }, depth);
    }
  },
});

export const chartFailuresTotal = new Counter({
  name: 'capwatch_chart_failures_total',
  help: 'Charts that failed to render or save; the answer went out without its chart',
  labelNames: ['where'] as const,
  registers: [registry],
});

export const rateLimitedTotal = new Counter({
  name: 'capwatch_rate_limited_total',
  help: 'Requests refused by the per-user rate limit, by platform',
  labelNames: ['platform'] as const,
  registers: [registry],
});

export const processErrorsTotal = new Counter({
  name: 'capwatch_process_errors_total',
  help: 'unhandledRejection and uncaughtException events that the process survived',
  labelNames: ['kind'] as const,
  registers: [registry],
});

let started = false;
/** Default process metrics (CPU, memory, event loop lag, handles), once per process. */
export function startProcessMetrics(): void {
  if (started) return;
  started = true;
  collectDefaultMetrics({ register: registry });
}
