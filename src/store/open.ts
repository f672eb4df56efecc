/**
 * Opens the store: PostgreSQL when a postgres:// URL is given (several instances share it), else an
 * embedded SQLite file. Runs the pending migrations before handing the repositories out.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, sql } from 'kysely';
import { localLocks, type Locks } from './locks.ts';
import { migrationProvider } from './migrations/index.ts';
import { withStatementCache } from './statements.ts';
import type { AlertRepository } from '../alerts/repository.ts';
import { alertsRepo } from './repos/alerts.ts';
import { curatedRepo, type CuratedRepo } from './repos/curated.ts';
import { valuationsRepo, type ValuationsRepo } from './repos/valuations.ts';
import { editionsRepo, type EditionsRepo } from './repos/editions.ts';
import { eventsRepo, type EventsRepo } from './repos/events.ts';
import { futuresRepo, type FuturesRepo } from './repos/futures.ts';
import { marketHistoryRepo, type MarketHistoryRepo } from './repos/market-history.ts';
import { ledgerRepo, type LedgerRepo } from './repos/ledger.ts';
import { marketCacheRepo, type MarketCacheRepo } from './repos/market-cache.ts';
import { sourceStatusRepo, type SourceStatusRepo } from './repos/source-status.ts';
import { subscriptionsRepo, type SubscriptionsRepo } from './repos/subscriptions.ts';
import { workspacePausesRepo, type WorkspacePausesRepo } from './repos/workspace-pauses.ts';
import type { Schema } from './schema.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface Store {
  readonly dialect: Dialect;
  readonly subscriptions: SubscriptionsRepo;
  readonly ledger: LedgerRepo;
  readonly workspacePauses: WorkspacePausesRepo;
  readonly marketCache: MarketCacheRepo;
  readonly curated: CuratedRepo;
  readonly futures: FuturesRepo;
  /** Closes and strips fetched live, kept for outages. */
  readonly marketHistory: MarketHistoryRepo;
  readonly sourceStatus: SourceStatusRepo;
  readonly events: EventsRepo;
  readonly editions: EditionsRepo;
  readonly valuations: ValuationsRepo;
  readonly alerts: AlertRepository;
  readonly locks: Locks;
  /** The query builder, for repositories only (see src/store/README.md). */
  readonly db: Kysely<Schema>;
  /** Resolves when the database answers a trivial query (readiness). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** postgres://… selects PostgreSQL; anything else (or absent) is SQLite. */
  databaseUrl?: string;
  /** SQLite file, or ':memory:'; default DATA_DIR/capwatch.sqlite. */
  file?: string;
  dataDir?: string;
  /** PostgreSQL only: a schema of its own (created when missing), e.g. one per test. */
  schema?: string;
  /** PostgreSQL pool size (default 10). */
  poolSize?: number;
}

export const isPostgresUrl = (url: string | undefined): url is string => !!url && /^postgres(ql)?:\/\//.test(url);

export async function openStore(opts: StoreOptions): Promise<Store> {
  // pg loads only when asked for, so SQLite runs (and the CLI's cold start) never pay for it.
  const store = isPostgresUrl(opts.databaseUrl)
    ? await (await import('./postgres.ts')).openPostgres(opts.databaseUrl, opts)
    : openSqlite(opts.file ?? join(opts.dataDir ?? './data', 'capwatch.sqlite'));
  try {
    await migrate(store.db, isPostgresUrl(opts.databaseUrl) ? opts.schema : undefined);
  } catch (err) {
    await store.close();
    throw err;
  }
  return store;
}

/**
 * Applies every pending migration. On PostgreSQL, instances starting at once take turns (Kysely's
 * migration lock). SQLite has no such lock across processes: a process that loses the race to record a
 * migration (or to add a column another just added) tries again and finds the work done.
 */
export async function migrate(db: Kysely<Schema>, schema?: string): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider, ...(schema ? { migrationTableSchema: schema } : {}) });
  for (let attempt = 1; ; attempt++) {
    const { error, results } = await migrator.migrateToLatest();
    if (!error) return;
    const message = error instanceof Error ? error.message : String(error);
    if (attempt < 10 && /kysely_migration|duplicate column/i.test(message)) {
      await new Promise((r) => setTimeout(r, 20 + Math.random() * 80));
      continue;
    }
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(`database migration ${failed ?? ''} failed: ${message}`);
  }
}

function openSqlite(file: string): Store {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const database = new Database(file);
  database.pragma('journal_mode = WAL');
  // With WAL, NORMAL survives process crashes (only an OS crash can lose the last commits) and spares
  // the digest ledger an fsync per claim.
  database.pragma('synchronous = NORMAL');
  database.pragma('busy_timeout = 5000');
  database.pragma('foreign_keys = ON');
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
  return assemble('sqlite', db, localLocks());
}

export function assemble(dialect: Dialect, db: Kysely<Schema>, locks: Locks): Store {
  return {
    dialect,
    db,
    locks,
    subscriptions: subscriptionsRepo(db),
    ledger: ledgerRepo(db, dialect),
    workspacePauses: workspacePausesRepo(db),
    marketCache: marketCacheRepo(db),
    curated: curatedRepo(db),
    futures: futuresRepo(db),
    marketHistory: marketHistoryRepo(db),
    sourceStatus: sourceStatusRepo(db),
    async ping() {
      await sql`SELECT 1`.execute(db);
    },
    events: eventsRepo(db),
    editions: editionsRepo(db),
    valuations: valuationsRepo(db),
    alerts: alertsRepo(db),
    async close() {
      await locks.releaseAll();
      await db.destroy();
    },
  };
}
