/** The chart directory not writable, on the real console (`npm start` without credentials): the answer comes without its chart. */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CLOSED = 'http://127.0.0.1:9';

describe('chart directory not writable', () => {
  it('answers without the chart, says so, keeps answering, and logs the fault', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'capwatch-charts-'));
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(join(dataDir, 'charts'), 'a file where the chart directory should be');
    const child = spawn(process.execPath, ['bin/main.js'], {
      env: { ...process.env, DATA_DIR: dataDir, CAPWATCH_NOW: '2025-09-10T21:00:00Z', YAHOO_BASE_URL: CLOSED, STOOQ_BASE_URL: CLOSED, NYFED_BASE_URL: CLOSED, FRED_BASE_URL: CLOSED, DISCORD_TOKEN: '', SLACK_BOT_TOKEN: '', LOG_LEVEL: 'error' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (err += c));
    child.stdin.end('/smallcaps valuation\nhelp\n');
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(out).toMatch(/Valuation: small caps vs large caps/);
    expect(out).toMatch(/The chart could not be saved under .*; here is the answer without it\./);
    expect(out).not.toMatch(/^Chart: /m);
    expect(out).toMatch(/capwatch: small caps vs large caps/); // the next line is answered
    const lines = err.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.some((l) => l.fault === 'chart_dir_not_writable')).toBe(true);
  }, 60_000);
});
