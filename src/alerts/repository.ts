/** What alerts need stored: rules per channel with their crossing state, and firings claimed like digests. */
import type { CrossingState } from './crossing.ts';
import type { AlertRule } from './rule.ts';

export interface StoredAlertRule extends AlertRule {
  state: CrossingState;
}

export type NewAlertRule = Omit<AlertRule, 'id' | 'createdAt'>;

export interface AlertRepository {
  /** Stores a rule unless the channel already has `limit` rules (then null). */
  create(rule: NewAlertRule, limit: number, now: Date): Promise<AlertRule | null>;
  listChannel(platform: string, channelId: string): Promise<StoredAlertRule[]>;
  remove(platform: string, channelId: string, id: string): Promise<boolean>;
  listAll(): Promise<StoredAlertRule[]>;
  saveState(id: string, state: CrossingState): Promise<void>;
  /** Claims firing number `seq` of a rule for `leaseSeconds`; false when another process holds or sent it. */
  claimFiring(ruleId: string, seq: number, leaseSeconds: number, now: Date): Promise<boolean>;
  completeFiring(ruleId: string, seq: number, now: Date): Promise<void>;
  releaseFiring(ruleId: string, seq: number): Promise<void>;
}
