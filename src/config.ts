/** One zod schema over the environment; every problem is reported at once. */
import { z } from 'zod';
import { LARGE, SMALL } from './instruments.ts';
import { LOG_LEVELS, type LogLevel } from './logger.ts';
import { parseRate, type Rate } from './ratelimit/rate.ts';

const url = (fallback: string) =>
  z
    .string()
    .url({ message: 'expected an http(s) URL' })
    .default(fallback);

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

/** A comma list of option values, e.g. "sp500,nasdaq,midcap". */
const choiceList = (allowed: string[], fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((v) => v.split(',').map((x) => x.trim().toLowerCase()).filter(Boolean))
    .refine((list) => list.length > 0 && list.every((x) => allowed.includes(x)), {
      message: `expected a comma list of ${allowed.join(', ')}`,
    });

const schema = z.object({
  DISCORD_TOKEN: optionalText,
  DISCORD_APP_ID: optionalText.refine((v) => v === undefined || /^\d{5,25}$/.test(v), {
    message: 'expected the numeric application id from the Discord developer portal',
  }),
  DISCORD_API_URL: url('https://discord.com/api'),
  SLACK_BOT_TOKEN: optionalText.refine((v) => v === undefined || v.startsWith('xoxb-'), {
    message: 'expected a bot token starting with "xoxb-"',
  }),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText.refine((v) => v === undefined || v.startsWith('xapp-'), {
    message: 'expected an app-level token starting with "xapp-"',
  }),
  SLACK_API_URL: url('https://slack.com/api/'),
  PORT: z.coerce
    .number({ message: 'expected a port number' })
    .int({ message: 'expected a whole port number' })
    .min(0, { message: 'expected a port between 0 and 65535' })
    .max(65535, { message: 'expected a port between 0 and 65535' })
    .default(3000),
  YAHOO_BASE_URL: url('https://query1.finance.yahoo.com'),
  STOOQ_BASE_URL: url('https://stooq.com'),
  NYFED_BASE_URL: url('https://markets.newyorkfed.org'),
  FRED_BASE_URL: url('https://fred.stlouisfed.org'),
  FRED_API_KEY: optionalText,
  DATA_DIR: z.string().min(1, { message: 'expected a directory path' }).default('./data'),
  CAPWATCH_NOW: optionalText.refine((v) => v === undefined || !Number.isNaN(Date.parse(v)), {
    message: 'expected an ISO date-time such as 2025-09-10T21:00:00Z',
  }),
  DIGEST_SMALLS: choiceList(Object.keys(SMALL), 'iwm'),
  DIGEST_BENCHMARKS: choiceList(Object.keys(LARGE), 'sp500,nasdaq'),
  DATABASE_URL: optionalText.refine((v) => v === undefined || /^postgres(ql)?:\/\/\S+$/.test(v), {
    message: 'expected a postgres:// URL; leave it empty for SQLite under DATA_DIR',
  }),
  DIGEST_LEASE_SECONDS: z.coerce
    .number({ message: 'expected a number of seconds' })
    .int({ message: 'expected a whole number of seconds' })
    .min(5, { message: 'expected between 5 and 3600 seconds' })
    .max(3600, { message: 'expected between 5 and 3600 seconds' })
    .default(120),
  LOG_LEVEL: z
    .string()
    .default('info')
    .transform((v) => v.trim().toLowerCase())
    .refine((v): v is LogLevel => (LOG_LEVELS as readonly string[]).includes(v), { message: `expected one of ${LOG_LEVELS.join(', ')}` }),
  RATE_LIMIT_PER_USER: z
    .string()
    .default('10/min')
    .transform((v) => parseRate(v))
    .refine((v): v is Rate | null => v !== undefined, { message: 'expected a rate such as 10/min, 5/30s or 100/hour, or off' }),
});

export type Env = z.infer<typeof schema>;

export interface Config {
  env: Env;
  discord?: { token: string; appId: string; apiUrl: string };
  slack?: { botToken: string; signingSecret: string; appToken?: string; apiUrl: string; port: number };
  providers: { yahooBaseUrl: string; stooqBaseUrl: string; nyfedBaseUrl: string; fredBaseUrl: string; fredApiKey?: string };
  dataDir: string;
  /** PostgreSQL for several instances; absent: SQLite under dataDir. */
  databaseUrl?: string;
  /** How long a digest claim of a dead process blocks a retry. */
  digestLeaseMs: number;
  /** Rows of the digest's performance table. */
  digest: { smalls: string[]; benchmarks: string[] };
  now: () => Date;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(source);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(`${issue.path.join('.')}: ${issue.message}`);
  }
  const env = parsed.success ? parsed.data : undefined;
  problems.push(...pairProblems(source));
  if (!env || problems.length > 0) throw new ConfigError(problems);

  const fixedNow = env.CAPWATCH_NOW ? new Date(env.CAPWATCH_NOW) : undefined;
  return {
    env,
    discord:
      env.DISCORD_TOKEN && env.DISCORD_APP_ID
        ? { token: env.DISCORD_TOKEN, appId: env.DISCORD_APP_ID, apiUrl: env.DISCORD_API_URL }
        : undefined,
    slack:
      env.SLACK_BOT_TOKEN && env.SLACK_SIGNING_SECRET
        ? {
            botToken: env.SLACK_BOT_TOKEN,
            signingSecret: env.SLACK_SIGNING_SECRET,
            appToken: env.SLACK_APP_TOKEN,
            apiUrl: env.SLACK_API_URL,
            port: env.PORT,
          }
        : undefined,
    providers: {
      yahooBaseUrl: env.YAHOO_BASE_URL,
      stooqBaseUrl: env.STOOQ_BASE_URL,
      nyfedBaseUrl: env.NYFED_BASE_URL,
      fredBaseUrl: env.FRED_BASE_URL,
      fredApiKey: env.FRED_API_KEY,
    },
    dataDir: env.DATA_DIR,
    databaseUrl: env.DATABASE_URL,
    digestLeaseMs: env.DIGEST_LEASE_SECONDS * 1000,
    digest: { smalls: env.DIGEST_SMALLS, benchmarks: env.DIGEST_BENCHMARKS },
    now: fixedNow ? () => new Date(fixedNow) : () => new Date(),
  };
}

/** Credentials that only work together. */
function pairProblems(source: NodeJS.ProcessEnv): string[] {
  const env = Object.fromEntries(Object.entries(source).map(([k, v]) => [k, v?.trim() || undefined]));
  const problems: string[] = [];
  if (env.DISCORD_TOKEN && !env.DISCORD_APP_ID) problems.push('DISCORD_APP_ID: required when DISCORD_TOKEN is set');
  if (env.DISCORD_APP_ID && !env.DISCORD_TOKEN) problems.push('DISCORD_TOKEN: required when DISCORD_APP_ID is set');
  if (env.SLACK_BOT_TOKEN && !env.SLACK_SIGNING_SECRET)
    problems.push('SLACK_SIGNING_SECRET: required when SLACK_BOT_TOKEN is set');
  if (env.SLACK_SIGNING_SECRET && !env.SLACK_BOT_TOKEN)
    problems.push('SLACK_BOT_TOKEN: required when SLACK_SIGNING_SECRET is set');
  if (env.SLACK_APP_TOKEN && !env.SLACK_BOT_TOKEN) problems.push('SLACK_BOT_TOKEN: required when SLACK_APP_TOKEN is set');
  return problems;
}
