import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { allCommands } from '../../../commands/index.ts';
import { runConsole } from '../../../adapters/console/index.ts';
import { createBot } from '../../../src/bot.ts';
import { createSnapshotMarketData } from '../../../src/market/snapshot.ts';

const now = () => new Date('2025-09-10T21:00:00Z');

describe('console adapter', () => {
  it('answers piped lines in order and ends on EOF', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (c) => (text += c));
    const done = runConsole({ bot: createBot({ commands: allCommands, market: createSnapshotMarketData(now), now }), input, output });
    input.end('/smallcaps valuation\nperformance 7q\n\nhelp\n');
    await done;
    const valuation = text.indexOf('Valuation: small caps vs large caps');
    const bad = text.indexOf('"7q" is not a period I know');
    const help = text.indexOf('capwatch: small caps vs large caps');
    expect(valuation).toBeGreaterThanOrEqual(0);
    expect(bad).toBeGreaterThan(valuation);
    expect(help).toBeGreaterThan(bad);
  });

  it('npm start with no credentials reads stdin and prints the answer with sources', async () => {
    const child = spawn(process.execPath, ['bin/main.js'], {
      env: { ...process.env, YAHOO_BASE_URL: 'http://127.0.0.1:65534', STOOQ_BASE_URL: 'http://127.0.0.1:65534', NYFED_BASE_URL: 'http://127.0.0.1:65534', FRED_BASE_URL: 'http://127.0.0.1:65534', ISHARES_BASE_URL: 'http://127.0.0.1:65534', SSGA_BASE_URL: 'http://127.0.0.1:65534', DATA_DIR: mkdtempSync(join(tmpdir(), 'capwatch-console-')), DISCORD_TOKEN: '', SLACK_BOT_TOKEN: '', LOG_LEVEL: 'silent' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.stdin.end('/smallcaps valuation\n');
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(out).toMatch(/a 21% discount/);
    expect(out).toMatch(/Sources:/);
    expect(out).toMatch(/offline snapshot/);
  });
});
