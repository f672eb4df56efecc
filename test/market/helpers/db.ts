import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../../src/store/db.ts';

/** A fresh SQLite file in a temp dir; `reopen` opens the same file again (a restart). */
export function tempDb(): { file: string; db: Db; reopen: () => Db; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'capwatch-market-'));
  const file = join(dir, 'capwatch.db');
  const opened: Db[] = [];
  const open = () => {
    const db = openDatabase(file);
    opened.push(db);
    return db;
  };
  return {
    file,
    db: open(),
    reopen: open,
    cleanup: () => {
      for (const db of opened) if (db.open) db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A clock the test moves by hand. */
export function manualClock(start: string): { now: () => Date; advance: (ms: number) => void; set: (iso: string) => void } {
  let t = Date.parse(start);
  return { now: () => new Date(t), advance: (ms) => void (t += ms), set: (iso) => void (t = Date.parse(iso)) };
}
