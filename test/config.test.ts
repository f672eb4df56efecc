import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';

describe('loadConfig', () => {
  it('runs with no variables at all (console mode, defaults)', () => {
    const config = loadConfig({});
    expect(config.discord).toBeUndefined();
    expect(config.slack).toBeUndefined();
    expect(config.dataDir).toBe('./data');
    expect(config.providers.yahooBaseUrl).toMatch(/^https:\/\//);
  });

  it('reports every wrong or missing value at once, naming the variable', () => {
    try {
      loadConfig({ PORT: 'abc', YAHOO_BASE_URL: 'not a url', SLACK_BOT_TOKEN: 'nope', DISCORD_TOKEN: 'x', CAPWATCH_NOW: 'yesterday' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const text = (error as ConfigError).problems.join('\n');
      expect(text).toMatch(/PORT: expected a port number/);
      expect(text).toMatch(/YAHOO_BASE_URL: expected an http\(s\) URL/);
      expect(text).toMatch(/SLACK_BOT_TOKEN: expected a bot token starting with "xoxb-"/);
      expect(text).toMatch(/CAPWATCH_NOW: expected an ISO date-time/);
      expect((error as ConfigError).problems.length).toBeGreaterThanOrEqual(4);
    }
  });

  it('reads the digest table rows and rejects unknown ones', () => {
    expect(loadConfig({ DIGEST_SMALLS: 'iwm, IJR', DIGEST_BENCHMARKS: 'sp500,midcap' }).digest).toEqual({ smalls: ['iwm', 'ijr'], benchmarks: ['sp500', 'midcap'] });
    expect(loadConfig({}).digest).toEqual({ smalls: ['iwm'], benchmarks: ['sp500', 'nasdaq'] });
    expect(() => loadConfig({ DIGEST_BENCHMARKS: 'dow' })).toThrow(/DIGEST_BENCHMARKS: expected a comma list of sp500, nasdaq, midcap, equalweight/);
  });

  it('reports credentials that only work in pairs', () => {
    expect(() => loadConfig({ DISCORD_TOKEN: 'abc' })).toThrow(/DISCORD_APP_ID: required when DISCORD_TOKEN is set/);
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(/SLACK_SIGNING_SECRET: required/);
  });

  it('enables adapters whose credentials are set and fixes the clock', () => {
    const config = loadConfig({
      DISCORD_TOKEN: 't',
      DISCORD_APP_ID: '123456789012',
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_SIGNING_SECRET: 's',
      CAPWATCH_NOW: '2025-09-10T21:00:00Z',
    });
    expect(config.discord).toEqual({ token: 't', appId: '123456789012', apiUrl: 'https://discord.com/api' });
    expect(config.slack?.appToken).toBeUndefined();
    expect(config.now().toISOString()).toBe('2025-09-10T21:00:00.000Z');
  });

  it('reads the database URL and the digest lease, and rejects bad ones', () => {
    expect(loadConfig({})).toMatchObject({ databaseUrl: undefined, digestLeaseMs: 120_000 });
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/capwatch', DIGEST_LEASE_SECONDS: '30' })).toMatchObject({ databaseUrl: 'postgres://u:p@db:5432/capwatch', digestLeaseMs: 30_000 });
    const problems = (() => {
      try {
        loadConfig({ DATABASE_URL: 'mysql://db/x', DIGEST_LEASE_SECONDS: '0' });
        return [];
      } catch (error) {
        return (error as ConfigError).problems;
      }
    })();
    expect(problems).toEqual([
      expect.stringMatching(/^DATABASE_URL: expected a postgres:\/\/ URL/),
      expect.stringMatching(/^DIGEST_LEASE_SECONDS: expected between 5 and 3600 seconds/),
    ]);
  });
});

describe('loadConfig, second round', () => {
  it('lists a missing partner credential together with the other problems', () => {
    try {
      loadConfig({ SLACK_BOT_TOKEN: 'nope', PORT: 'abc', RATE_LIMIT_PER_USER: 'lots', LOG_LEVEL: 'chatty' });
      expect.unreachable();
    } catch (error) {
      const text = (error as ConfigError).problems.join('\n');
      expect(text).toMatch(/SLACK_BOT_TOKEN: expected a bot token/);
      expect(text).toMatch(/SLACK_SIGNING_SECRET: required when SLACK_BOT_TOKEN is set/);
      expect(text).toMatch(/PORT: expected a port number/);
      expect(text).toMatch(/RATE_LIMIT_PER_USER: expected a rate such as 10\/min/);
      expect(text).toMatch(/LOG_LEVEL: expected one of trace, debug, info, warn, error, fatal, silent/);
    }
  });

  it('reads RATE_LIMIT_PER_USER (default 10/min, off allowed) and every pino level', () => {
    expect(loadConfig({}).env.RATE_LIMIT_PER_USER).toEqual({ points: 10, seconds: 60 });
    expect(loadConfig({ RATE_LIMIT_PER_USER: '5/30s' }).env.RATE_LIMIT_PER_USER).toEqual({ points: 5, seconds: 30 });
    expect(loadConfig({ RATE_LIMIT_PER_USER: 'off' }).env.RATE_LIMIT_PER_USER).toBeNull();
    for (const level of ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']) expect(loadConfig({ LOG_LEVEL: level }).env.LOG_LEVEL).toBe(level);
  });
});
