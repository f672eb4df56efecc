import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli.ts';

// Live providers point at a closed local port: the tests never reach the internet, and fall back to the snapshot.
const CLOSED = 'http://127.0.0.1:65534';
const env = {
  DATA_DIR: mkdtempSync(join(tmpdir(), 'capwatch-cli-')),
  CAPWATCH_NOW: '2025-09-10T21:00:00Z',
  YAHOO_BASE_URL: CLOSED,
  STOOQ_BASE_URL: CLOSED,
  NYFED_BASE_URL: CLOSED,
  FRED_BASE_URL: CLOSED,
  ISHARES_BASE_URL: CLOSED,
  SSGA_BASE_URL: CLOSED,
};

async function cli(...argv: string[]) {
  return cliAt(env.CAPWATCH_NOW, ...argv);
}

async function cliAt(now: string, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { ...env, CAPWATCH_NOW: now }, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('capwatch CLI', () => {
  it('run --json prints one JSON object with invocation, numeric fields, sources and data', async () => {
    const { code, out } = await cli('run', 'performance 1d', '--json', '--offline');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.invocation).toEqual({ command: 'performance', options: { period: '1d', vs: 'sp500', small: 'iwm' } });
    // The bundled closes: IWM 236.85 -> 236.43, SPY 650.33 -> 652.21 (the seed articles' -0.18% and +0.29%).
    expect(json.reply.data).toMatchObject({ start: '2025-09-09', end: '2025-09-10', small: { symbol: 'IWM' }, large: { symbol: 'SPY' } });
    expect(json.reply.data.small.return).toBeCloseTo((236.43 / 236.85 - 1) * 100, 3);
    expect(json.reply.data.large.return).toBeCloseTo((652.21 / 650.33 - 1) * 100, 3);
    expect(json.reply.data.spreadPp).toBeCloseTo(-0.466, 3);
    expect(json.reply.sections[0].fields[0]).toMatchObject({ key: 'small', unit: '%', display: '-0.2%' });
    expect(json.reply.sources[0]).toMatchObject({ asOf: '2025-09-10', stale: false, snapshot: true });
  });

  it('valuation --json carries the contract data', async () => {
    const json = JSON.parse((await cli('run', 'valuation', '--json')).out);
    expect(json.reply.data).toMatchObject({ forwardPE: { small: 13.6, large: 17.2, gapPct: -20.9302 }, evEbitda: { premiumPct: 3.7, medianPct: 8.2 } });
    // The issuers are unreachable and nothing is stored: no live gap, and the reply says why.
    expect(json.reply.data.trailingPE).toBeNull();
  });

  it('--json --chart gives the chart path and alt text when there is a chart, and no chart key otherwise', async () => {
    // CME's settlements of 2026-09-18 (the snapshot's FedWatch check) are only known from that day on.
    const withChart = JSON.parse((await cliAt('2026-09-18T21:00:00Z', 'run', 'ratecuts', '--json', '--offline', '--chart')).out);
    expect(withChart.reply.chart.path).toMatch(/charts\/ratecuts-2026-09-18-[0-9a-f]+\.png$/);
    expect(existsSync(withChart.reply.chart.path)).toBe(true);
    expect(withChart.reply.chart.alt).toMatch(/^Bar chart of target-range probabilities/);
    expect(withChart.reply.data.meetings[0]).toMatchObject({ date: '2026-10-28', probabilities: { '3.75-4.00': 42.4286, '4.00-4.25': 57.5714 } });
    const without = JSON.parse((await cli('run', 'earnings', '--json', '--chart')).out);
    expect(without.reply).not.toHaveProperty('chart');
  });

  it('draws no chart unless asked, so a script pays only for the numbers', async () => {
    const json = JSON.parse((await cliAt('2026-09-18T21:00:00Z', 'run', 'ratecuts', '--json', '--offline')).out);
    expect(json.reply).not.toHaveProperty('chart');
    expect(json.reply.data.meetings.length).toBeGreaterThan(0);
  });

  it('prints rendered text without --json', async () => {
    const { code, out } = await cli('run', 'valuation');
    expect(code).toBe(0);
    expect(out).toMatch(/21% discount/);
    expect(out).toMatch(/Sources:\n {2}- Forward P\/E, Russell 2000 .*as of 2025-08-28 \[offline snapshot\]/);
  });

  it('exits 2 with one line on stderr for bad input', async () => {
    for (const line of ['performance 7q', 'performance 1m vs:dow', 'frobnicate']) {
      const { code, out, err } = await cli('run', line);
      expect(code, line).toBe(2);
      expect(out).toBe('');
      expect(err.split('\n')).toHaveLength(1);
    }
    expect((await cli('nonsense')).code).toBe(2);
  });

  it('exits 1 when data is unavailable', async () => {
    const { code, err } = await cli('run', 'chart 1m vs:midcap', '--offline');
    expect(code).toBe(1);
    expect(err).toMatch(/Data unavailable: The offline snapshot has no history for MDY; it has IWM 2000-05-26 to 2025-09-10/);
  });

  it('ask --json adds the confidence', async () => {
    const json = JSON.parse((await cli('ask', 'are small caps cheap on valuation?', '--json')).out);
    expect(json.invocation.command).toBe('valuation');
    expect(json.confidence).toBeGreaterThan(0.5);
  });

  it('digest --json holds performance, valuation and ratecuts', async () => {
    const json = JSON.parse((await cli('digest', '--json', '--offline')).out);
    expect(Object.keys(json.reply.data)).toEqual(expect.arrayContaining(['performance', 'valuation', 'ratecuts']));
    expect(json.reply.data.performance[0]).toMatchObject({ period: '1d', small: { symbol: 'IWM' } });
  });

  it('bad dates are bad input: exit 2 with one line naming the range', async () => {
    const before = await cli('run', 'performance since:1990-01-01', '--offline');
    expect(before.code).toBe(2);
    expect(before.err).toMatch(/IWM closes start 2000-05-26.*Pick a start from 2000-05-26 to 2025-09-10\.$/);
    const future = await cli('run', 'performance since:2026-01-02', '--offline');
    expect(future.code).toBe(2);
    expect(future.err).toMatch(/"since 2026-01-02" is not in the past \(today is 2025-09-10\)/);
    for (const date of ['2025-13-01', '2025-02-30']) {
      const bad = await cli('run', `performance since:${date}`, '--offline');
      expect(bad.code, date).toBe(2);
      expect(bad.err).toMatch(new RegExp(`"${date}" is not a valid date`));
    }
  });

  it('ask --json prints what was understood and the error when the answer fails, exit code unchanged', async () => {
    const bad = await cli('ask', 'how did small caps do since 2025-02-30?', '--json', '--offline');
    expect(bad.code).toBe(2);
    const json = JSON.parse(bad.out);
    expect(json).toMatchObject({ invocation: { command: 'performance', options: { period: 'since:2025-02-30' } }, error: { kind: 'input' } });
    expect(json.confidence).toBeGreaterThan(0.5);
    expect(json.error.message).toMatch(/"2025-02-30" is not a valid date/);
    const missing = await cli('ask', 'small caps vs equal weight over the past month?', '--json', '--offline');
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.out)).toMatchObject({ invocation: { command: 'performance', options: { vs: 'equalweight' } }, error: { kind: 'unavailable' } });
    const plain = await cli('ask', 'how did small caps do since 2025-13-01?', '--offline');
    expect(plain.code).toBe(2);
    expect(plain.err.split('\n')).toHaveLength(1);
  });

  it('ask exits 2 on a question it cannot place, saying in one line what it answers', async () => {
    const offTopic = await cli('ask', 'what is the weather in paris', '--offline');
    expect(offTopic.code).toBe(2);
    expect(offTopic.err.split('\n')).toHaveLength(1);
    expect(offTopic.err).toMatch(/performance, valuation, earnings and rate cuts/);
    const json = await cli('ask', 'asdf qwerty', '--json', '--offline');
    expect(json.code).toBe(2);
    expect(JSON.parse(json.out)).toMatchObject({ invocation: null, error: { kind: 'input' } });
  });
});

describe('CLI misuse', () => {
  const run = async (argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, { DATA_DIR: mkdtempSync(join(tmpdir(), 'capwatch-misuse-')) }, { out: (s) => out.push(s), err: (s) => err.push(s) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  it('an unknown flag gets the usage line and exit 2, not the parser message', async () => {
    const r = await run(['run', 'valuation', '--jsn']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^capwatch: unknown option --jsn\. Usage: capwatch run /);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).not.toMatch(/positional argument/);
  });

  it('ask without a question and run without a command line get the usage line and exit 2', async () => {
    const ask = await run(['ask']);
    expect(ask.code).toBe(2);
    expect(ask.err).toMatch(/ask needs a question[\s\S]*Usage: capwatch ask/);
    const r = await run(['run', '  ']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/run needs a command line/);
    for (const e of [ask.err, r.err, (await run(['bogusverb'])).err]) expect(e.trim().split('\n'), e).toHaveLength(1);
  });

  it('a DATA_DIR that cannot be created is one clear configuration error (exit 2)', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'capwatch-file-')), 'not-a-dir');
    writeFileSync(file, 'x');
    const err: string[] = [];
    const code = await runCli(['run', 'help'], { DATA_DIR: join(file, 'data') }, { out: () => {}, err: (s) => err.push(s) });
    expect(code).toBe(2);
    expect(err.join('\n')).toMatch(/DATA_DIR: cannot create or write .*not-a-dir\/data \(a file is in the way\)/);
  });
});
