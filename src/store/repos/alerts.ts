/**
 * Alert rules (one row per rule, its parameters and crossing state as JSON) and firings claimed like digest
 * deliveries: (rule, firing number) is unique, and a claim is a lease on the real clock, so a dead process's
 * firing is taken over and no firing is ever posted twice.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { CrossingState } from '../../alerts/crossing.ts';
import type { AlertRepository, NewAlertRule, StoredAlertRule } from '../../alerts/repository.ts';
import type { AlertRuleSpec } from '../../alerts/rule.ts';
import { INITIAL_STATE } from '../../alerts/crossing.ts';
import type { AlertRulesTable, Schema } from '../schema.ts';

/** Short ids users can type: 6 characters, no look-alikes. */
function newId(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  return [...randomBytes(6)].map((b) => alphabet[b % alphabet.length]).join('');
}

function toRule(row: Selectable<AlertRulesTable>): StoredAlertRule {
  const spec: AlertRuleSpec = JSON.parse(row.spec_json);
  const state: CrossingState = JSON.parse(row.state_json);
  return {
    ...spec,
    id: row.id,
    platform: row.platform === 'discord' ? 'discord' : 'slack',
    channelId: row.channel_id,
    ...(row.guild_id ? { guildId: row.guild_id } : {}),
    createdBy: row.created_by,
    createdAt: row.created_at,
    state,
  };
}

function specOf(rule: NewAlertRule): AlertRuleSpec {
  const { platform: _p, channelId: _c, guildId: _g, createdBy: _b, ...spec } = rule;
  return spec;
}

export function alertsRepo(db: Kysely<Schema>): AlertRepository {
  return {
    async create(rule, limit, now) {
      return db.transaction().execute(async (tx) => {
        const { n } = await tx
          .selectFrom('alert_rules')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('platform', '=', rule.platform)
          .where('channel_id', '=', rule.channelId)
          .executeTakeFirstOrThrow();
        if (Number(n) >= limit) return null;
        const id = newId();
        const createdAt = now.toISOString();
        await tx
          .insertInto('alert_rules')
          .values({
            id,
            platform: rule.platform,
            channel_id: rule.channelId,
            guild_id: rule.guildId ?? null,
            spec_json: JSON.stringify(specOf(rule)),
            state_json: JSON.stringify(INITIAL_STATE),
            created_by: rule.createdBy,
            created_at: createdAt,
          })
          .execute();
        return { ...rule, id, createdAt };
      });
    },
    async listChannel(platform, channelId) {
      const rows = await db.selectFrom('alert_rules').selectAll().where('platform', '=', platform).where('channel_id', '=', channelId).orderBy('created_at').orderBy('id').execute();
      return rows.map(toRule);
    },
    async remove(platform, channelId, id) {
      const res = await db.deleteFrom('alert_rules').where('platform', '=', platform).where('channel_id', '=', channelId).where('id', '=', id.trim().toLowerCase()).executeTakeFirst();
      return Number(res.numDeletedRows) > 0;
    },
    async listAll() {
      const rows = await db.selectFrom('alert_rules').selectAll().orderBy('created_at').orderBy('id').execute();
      return rows.map(toRule);
    },
    async saveState(id, state) {
      await db.updateTable('alert_rules').set({ state_json: JSON.stringify(state) }).where('id', '=', id).execute();
    },
    async claimFiring(ruleId, seq, leaseSeconds, now) {
      const real = Date.now();
      const leaseUntil = real + leaseSeconds * 1000;
      const inserted = await db
        .insertInto('alert_firings')
        .values({ rule_id: ruleId, seq, status: 'claimed', lease_until: leaseUntil, updated_at: now.toISOString() })
        .onConflict((oc) => oc.columns(['rule_id', 'seq']).doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1) return true;
      const taken = await db
        .updateTable('alert_firings')
        .set({ lease_until: leaseUntil, updated_at: now.toISOString() })
        .where('rule_id', '=', ruleId)
        .where('seq', '=', seq)
        .where('status', '=', 'claimed')
        .where('lease_until', '<', real)
        .executeTakeFirst();
      return Number(taken.numUpdatedRows) === 1;
    },
    async completeFiring(ruleId, seq, now) {
      await db.updateTable('alert_firings').set({ status: 'sent', updated_at: now.toISOString() }).where('rule_id', '=', ruleId).where('seq', '=', seq).execute();
    },
    async releaseFiring(ruleId, seq) {
      await db.deleteFrom('alert_firings').where('rule_id', '=', ruleId).where('seq', '=', seq).where('status', '=', 'claimed').execute();
    },
  };
}
