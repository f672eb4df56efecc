/**
 * Every migration, in order. Listed here (not read from the directory at run time) so they travel with a
 * compiled build. A migration's name is its file name; never rename or edit one that has shipped.
 */
import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001-initial.ts';
import * as m0002 from './0002-ledger-leases.ts';
import * as m0003 from './0003-shared-work.ts';
import * as m0004 from './0004-valuations.ts';
import * as m0005 from './0005-kept-market-history.ts';
import * as m0006 from './0006-digest-workspace-pauses.ts';
import * as m0010 from './0010-alert-rules.ts';

export const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': m0001,
  '0002-ledger-leases': m0002,
  '0003-shared-work': m0003,
  '0004-valuations': m0004,
  '0005-kept-market-history': m0005,
  '0006-digest-workspace-pauses': m0006,
  '0010-alert-rules': m0010,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
