/**
 * Every migration, in order. Listed here (not read from the directory at run time) so they travel with a
 * compiled build. A migration's name is its file name; never rename or edit one that has shipped.
 */
import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001-initial.ts';
import * as m0002 from './0002-ledger-leases.ts';
import * as m0003 from './0003-shared-work.ts';
import * as m0004 from './0004-digest-workspace-pauses.ts';

export const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': m0001,
  '0002-ledger-leases': m0002,
  '0003-shared-work': m0003,
  '0004-digest-workspace-pauses': m0004,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
