import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Store } from '../../../src/store/open.ts';
import { testDatabase } from '../../helpers/store.ts';

/** A fresh database (SQLite file, or a PostgreSQL schema) and a temp dir; `reopen` connects to the database again (a restart). */
export async function tempDb(): Promise<{ db: Store; reopen: () => Promise<Store>; dir: string; cleanup: () => void }> {
  const database = testDatabase();
  const dir = mkdtempSync(join(tmpdir(), 'capwatch-market-'));
  // Stores are closed and the database dropped after the test file (see test/helpers/store.ts).
  return { db: await database.open(), reopen: () => database.open(), dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A clock the test moves by hand. */
export function manualClock(start: string): { now: () => Date; advance: (ms: number) => void; set: (iso: string) => void } {
  let t = Date.parse(start);
  return { now: () => new Date(t), advance: (ms) => void (t += ms), set: (iso) => void (t = Date.parse(iso)) };
}
