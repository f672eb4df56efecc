/**
 * Workspace-wide digest pauses, one row per scope ("slack:T0123", "discord:<application id>"). The pause
 * logic lives in src/digest/workspace-pauses.ts.
 */
import type { Kysely } from 'kysely';
import type { WorkspacePause, WorkspacePauseStore } from '../../digest/workspace-pauses.ts';
import type { Schema } from '../schema.ts';

export type WorkspacePausesRepo = WorkspacePauseStore;

export function workspacePausesRepo(db: Kysely<Schema>): WorkspacePausesRepo {
  const table = 'digest_workspace_pauses' as const;
  return {
    async pause(p: WorkspacePause) {
      // One statement: of several instances hitting the same revoked token, exactly one logs the reason.
      const r = await db
        .insertInto(table)
        .values({ scope: p.scope, reason: p.reason, since: p.since })
        .onConflict((oc) => oc.column('scope').doNothing())
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0n) === 1;
    },
    async resume(scope: string) {
      const r = await db.deleteFrom(table).where('scope', '=', scope).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
    async list() {
      const rows = await db.selectFrom(table).selectAll().orderBy('scope').execute();
      return rows.map((r) => ({ scope: r.scope, reason: r.reason, since: r.since }));
    },
  };
}
