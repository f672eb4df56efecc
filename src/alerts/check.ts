/**
 * One refresh of every alert rule: each distinct metric is evaluated once whatever the number of rules and
 * channels sharing it; each rule steps its crossing state; a firing is claimed before it is posted, so
 * restarts and several instances never post it twice.
 */
import type { Deliverer } from '../digest/deliverer.ts';
import type { Logger } from '../logger.ts';
import type { Reply } from '../reply.ts';
import { DEFAULT_CROSSING, step, type CrossingOptions } from './crossing.ts';
import { alertReply } from './message.ts';
import type { AlertMetrics, MetricValue } from './metrics.ts';
import type { AlertRepository, StoredAlertRule } from './repository.ts';
import { metricKey } from './rule.ts';

export interface AlertCheckDeps {
  repo: AlertRepository;
  metrics: AlertMetrics;
  now: () => Date;
  logger: Logger;
  /** Posting needs the platforms; without them (or with post false) the check is a dry run. */
  deliverers?: Deliverer[];
  post: boolean;
  crossing?: CrossingOptions;
  leaseSeconds?: number;
  /** A small chart for the alert message, when one can be drawn. */
  chart?: (rule: StoredAlertRule) => Promise<Reply['chart']>;
}

export interface AlertOutcome {
  ruleId: string;
  platform: string;
  channelId: string;
  metric: string;
  value: number | null;
  asOf: string | null;
  fired: boolean;
  /** posted | claimed-elsewhere | dry-run | failed: <reason> | no-data: <reason> */
  status: string;
}

export interface AlertCheckResult {
  at: string;
  metricsEvaluated: number;
  rules: number;
  outcomes: AlertOutcome[];
}

export async function checkAlerts(deps: AlertCheckDeps): Promise<AlertCheckResult> {
  const now = deps.now();
  const rules = await deps.repo.listAll();
  const values = new Map<string, Promise<MetricValue | Error>>();
  for (const rule of rules) {
    const key = metricKey(rule);
    if (!values.has(key)) values.set(key, deps.metrics.value(rule).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e)))));
  }
  const outcomes: AlertOutcome[] = [];
  for (const rule of rules) {
    const key = metricKey(rule);
    const got = await values.get(key)!;
    const base = { ruleId: rule.id, platform: rule.platform, channelId: rule.channelId, metric: key };
    if (got instanceof Error) {
      outcomes.push({ ...base, value: null, asOf: null, fired: false, status: `no-data: ${got.message}` });
      continue;
    }
    const next = step(rule, rule.state, got.value, now, deps.crossing ?? DEFAULT_CROSSING);
    const outcome: AlertOutcome = { ...base, value: got.value, asOf: got.asOf, fired: next.fire, status: next.fire ? 'dry-run' : 'quiet' };
    outcomes.push(outcome);
    if (!deps.post) continue;
    if (!next.fire) {
      await deps.repo.saveState(rule.id, next.state);
      continue;
    }
    outcome.status = await fire(deps, rule, next.state, got, now);
  }
  return { at: now.toISOString(), metricsEvaluated: values.size, rules: rules.length, outcomes };
}

async function fire(deps: AlertCheckDeps, rule: StoredAlertRule, state: StoredAlertRule['state'], value: MetricValue, now: Date): Promise<string> {
  const seq = state.fired;
  const deliverer = deps.deliverers?.find((d) => d.platform === rule.platform);
  if (!deliverer) return `failed: no ${rule.platform} connection`;
  if (!(await deps.repo.claimFiring(rule.id, seq, deps.leaseSeconds ?? 120, now))) {
    await deps.repo.saveState(rule.id, state);
    return 'claimed-elsewhere';
  }
  try {
    const chart = await deps.chart?.(rule).catch((error: unknown) => {
      deps.logger.warn('alert chart failed', { rule: rule.id, error: String(error) });
      return undefined;
    });
    await deliverer.send(rule.channelId, alertReply(rule, value, chart));
  } catch (error) {
    // Not recorded: the next refresh sees the same crossing and tries again.
    await deps.repo.releaseFiring(rule.id, seq);
    deps.logger.warn('alert delivery failed', { rule: rule.id, channel: rule.channelId, error: String(error) });
    return `failed: ${error instanceof Error ? error.message : String(error)}`;
  }
  await deps.repo.completeFiring(rule.id, seq, now);
  await deps.repo.saveState(rule.id, state);
  deps.logger.info('alert fired', { rule: rule.id, channel: rule.channelId, value: value.value });
  return 'posted';
}
