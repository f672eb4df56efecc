/**
 * The database locked by another process (a real second process holding an exclusive transaction) and a
 * read-only database: answers still come, and a structured log line names the fault.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allCommands } from '../../commands/index.ts';
import { createBot } from '../../src/bot.ts';
import { createMarketData } from '../../src/market/live.ts';
import { sql } from 'kysely';
import { openStore } from '../../src/store/open.ts';
import { recordingLogger } from './recording-logger.ts';

const CLOSED = 'http://127.0.0.1:9';
const dataDir = mkdtempSync(join(tmpdir(), 'capwatch-locked-'));
const env = {
  ...process.env,
  DATA_DIR: dataDir,
  CAPWATCH_NOW: '2025-09-10T21:00:00Z',
  YAHOO_BASE_URL: CLOSED,
  STOOQ_BASE_URL: CLOSED,
  NYFED_BASE_URL: CLOSED,
  FRED_BASE_URL: CLOSED,
  DISCORD_TOKEN: '',
  SLACK_BOT_TOKEN: '',
  LOG_LEVEL: 'warn',
};

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['bin/capwatch.js', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => (stdout += c));
  child.stderr.on('data', (c) => (stderr += c));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

describe('the database locked by another process', () => {
  let locker: ChildProcess;

  beforeAll(async () => {
    // The tables exist (an earlier run), as on any machine that ran the bot before.
    expect((await run(['run', 'valuation'])).code).toBe(0);
    locker = spawn(
      process.execPath,
      ['-e', `const D = require('better-sqlite3'); const db = new D(${JSON.stringify(join(dataDir, 'capwatch.sqlite'))}); db.exec('BEGIN EXCLUSIVE'); console.log('locked'); setInterval(() => {}, 1000);`],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve) => locker.stdout!.once('data', () => resolve()));
  }, 60_000);
  afterAll(() => {
    locker.kill('SIGKILL');
  });

  it('still answers, and logs the unwritable database as a JSON line', async () => {
    const r = await run(['run', 'valuation']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Valuation: small caps vs large caps/);
    const faults = r.stderr
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(faults.some((l) => l.fault === 'database_unwritable' && /database is locked/.test(String(l.error)))).toBe(true);
  }, 60_000);
});

describe('a read-only database', () => {
  it('answers from the providers or the snapshot, and logs that the cache could not be written', async () => {
    const store = await openStore({ file: join(mkdtempSync(join(tmpdir(), 'capwatch-ro-')), 'capwatch.sqlite') });
    const logger = recordingLogger();
    const now = () => new Date('2025-09-10T21:00:00Z');
    const config = { yahooBaseUrl: CLOSED, stooqBaseUrl: CLOSED, nyfedBaseUrl: CLOSED, fredBaseUrl: CLOSED };
    await sql`PRAGMA query_only = ON`.execute(store.db);
    const bot = createBot({ commands: allCommands, market: createMarketData({ config, store, now, logger }), now, logger });
    for (const line of ['valuation', 'ratecuts', 'performance 1m']) expect((await bot.run(line)).error, line).toBeUndefined();
    expect(logger.lines.some((l) => l.extra.fault === 'database_unwritable' && /readonly/.test(String(l.extra.error)))).toBe(true);
    await store.close();
  });
});
