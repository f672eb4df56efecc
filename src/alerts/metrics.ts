/** The values alert rules watch; implemented over MarketData in metrics-live.ts, faked in tests. */
import type { AlertRuleSpec } from './rule.ts';

export interface MetricValue {
  value: number;
  /** ISO date of the data behind the value. */
  asOf: string;
  source: string;
  stale: boolean;
  /** What was measured, e.g. "IWM vs SPY, 1m spread (2026-10-30 to 2026-11-30)". */
  label: string;
}

export interface AlertMetrics {
  value(spec: AlertRuleSpec): Promise<MetricValue>;
}
