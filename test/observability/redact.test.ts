import { describe, expect, it } from 'vitest';
import { addSecrets, scrub, secretsOfEnv } from '../../src/observability/redact.ts';

describe('scrub', () => {
  it('masks configured secret values wherever they appear', () => {
    addSecrets(['my-signing-secret-123']);
    expect(scrub('bad signature with my-signing-secret-123 inside')).toBe('bad signature with [redacted] inside');
  });

  it('masks credential shapes nobody registered', () => {
    const line = JSON.stringify({
      msg: 'call failed',
      url: 'https://api.stlouisfed.org/fred/series?series_id=DFF&api_key=abcdef0123456789&file_type=json',
      header: 'Authorization: Bot MTIzNDU2Nzg5MDEyMzQ1Njc4.GabcDE.abcdefghijklmnopqrstuvwxyz0123456',
      db: 'postgres://capwatch:hunter22@db:5432/capwatch',
      slack: 'token xoxb-1234-5678-abcdEFGH and xapp-1-A0-123-abc',
    });
    const out = scrub(line);
    expect(out).not.toMatch(/abcdef0123456789|hunter22|xoxb-1234|xapp-1-A0|MTIzNDU2/);
    expect(out).toContain('api_key=[redacted]');
    expect(out).toContain('postgres://capwatch:[redacted]@db');
  });

  it('takes secrets from variables named like tokens, secrets and keys, and the DATABASE_URL password', () => {
    expect(
      secretsOfEnv({ SLACK_BOT_TOKEN: 'xoxb-a', SLACK_SIGNING_SECRET: 's', FRED_API_KEY: 'k', DATA_DIR: './data', DATABASE_URL: 'postgres://u:p%40ss@h/db' }).sort(),
    ).toEqual(['k', 'p%40ss', 'p@ss', 's', 'xoxb-a'].sort());
  });
});
