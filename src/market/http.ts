/** One way to make HTTP calls to market vendors: ky with a timeout, bounded retries and a user agent. */
import type { KyInstance } from 'ky';
import { ProviderError } from './types.ts';

type Ky = typeof import('ky');

/** What providers use of the HTTP client: ky's GET, which any KyInstance also satisfies. */
export interface Http {
  get(url: string, options?: { searchParams?: Record<string, string> }): Promise<Response>;
}

let kyModule: Ky | undefined;

/**
 * ky (and the fetch implementation it touches when loaded) is imported on the first request, so
 * offline runs and commands that fetch nothing never load it.
 */
async function loadKy(): Promise<Ky> {
  return (kyModule ??= await import('ky'));
}

export interface HttpOptions {
  /** Per attempt, in milliseconds. */
  timeoutMs?: number;
  /** Retries after the first attempt (500s, 429s, network errors). */
  retries?: number;
  /** A 429/503 asking us to wait longer than this is not retried: the chain moves on instead. */
  maxRetryAfterMs?: number;
  /** Upper bound of the exponential backoff between retries. */
  backoffLimitMs?: number;
  userAgent?: string;
}

export const DEFAULT_USER_AGENT = 'Mozilla/5.0 (compatible; capwatch/0.1; +market-commentary-bot)';

const DEFAULTS: Required<HttpOptions> = {
  timeoutMs: 5_000,
  retries: 2,
  maxRetryAfterMs: 5_000,
  backoffLimitMs: 2_000,
  userAgent: DEFAULT_USER_AGENT,
};

export function createHttp(options: HttpOptions = {}): Http {
  let instance: Promise<KyInstance> | undefined;
  const client = () => (instance ??= loadKy().then((ky) => kyInstance(ky, options)));
  return {
    get: async (url, opts) => (await client()).get(url, opts),
  };
}

function kyInstance({ default: ky }: Ky, options: HttpOptions): KyInstance {
  const o = { ...DEFAULTS, ...options };
  return ky.create({
    timeout: o.timeoutMs,
    headers: { 'user-agent': o.userAgent },
    retry: {
      limit: o.retries,
      methods: ['get'],
      statusCodes: [408, 429, 500, 502, 503, 504],
      afterStatusCodes: [429, 503],
      maxRetryAfter: o.maxRetryAfterMs,
      backoffLimit: o.backoffLimitMs,
      shouldRetry: ({ error }) => retryVerdict(error, o.maxRetryAfterMs),
    },
  });
}

const UNREACHABLE = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH']);

/** The system error code behind a failed fetch (undici puts it on `cause`). */
function causeCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  return typeof cause?.code === 'string' ? cause.code : undefined;
}

/**
 * false = do not retry; undefined = ky's default rules (status codes, Retry-After, backoff).
 * ky clamps a long Retry-After to maxRetryAfter; a bot would rather fall back now than wait.
 */
export function retryVerdict(error: Error, maxRetryAfterMs: number): false | undefined {
  // An unknown host or a refused connection will not be different 300 ms later.
  if (UNREACHABLE.has(causeCode(error) ?? '')) return false;
  // ky's HTTPError, recognised by its shape so that this check does not need ky loaded.
  if (error.name !== 'HTTPError' || !('response' in error) || !(error.response instanceof Response)) return undefined;
  const wait = retryAfterMs(error.response.headers.get('retry-after'));
  if (wait !== null && wait > maxRetryAfterMs) return false;
  return undefined;
}

/** Retry-After in milliseconds (seconds or HTTP date), null when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number = Date.now()): number | null {
  if (header === null || header.trim() === '') return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

export interface TextResponse {
  status: number;
  contentType: string;
  body: string;
}

/**
 * GET a URL and return its body as text. Non-2xx answers other than 404 become ProviderError;
 * a 404 is returned so the provider can read the vendor's own "not found" payload.
 */
export async function getText(
  http: Http,
  provider: string,
  url: string,
  searchParams?: Record<string, string>,
): Promise<TextResponse> {
  try {
    const res = await http.get(url, searchParams ? { searchParams } : {});
    return { status: res.status, contentType: res.headers.get('content-type') ?? '', body: await res.text() };
  } catch (err) {
    const { HTTPError, TimeoutError } = await loadKy();
    if (err instanceof HTTPError) {
      const status = err.response.status;
      if (status === 404) {
        const body = await err.response.text().catch(() => '');
        return { status, contentType: err.response.headers.get('content-type') ?? '', body };
      }
      await err.response.body?.cancel().catch(() => undefined);
      if (status === 429) throw new ProviderError(provider, 'rate limited (HTTP 429)', 'rate_limited');
      throw new ProviderError(provider, `HTTP ${status}`, 'http');
    }
    if (err instanceof TimeoutError) throw new ProviderError(provider, 'request timed out', 'timeout');
    if (err instanceof ProviderError) throw err;
    const message = err instanceof Error ? err.message : String(err);
    const code = causeCode(err);
    throw new ProviderError(provider, `network error: ${message}${code ? ` (${code})` : ''}`, 'http');
  }
}

/** True when a body that should be data is an HTML page (login wall, captcha, error page). */
export function looksLikeHtml(body: string, contentType = ''): boolean {
  if (contentType.includes('text/html')) return true;
  return /^\s*(<!doctype html|<html|<head|<body)/i.test(body);
}

/** Parse JSON or fail with a ProviderError naming the vendor. */
export function parseJson(provider: string, res: TextResponse): unknown {
  if (looksLikeHtml(res.body, res.contentType)) throw new ProviderError(provider, 'answered with an HTML page instead of JSON', 'invalid');
  if (res.body.trim() === '') throw new ProviderError(provider, 'empty response body', 'empty');
  try {
    return JSON.parse(res.body);
  } catch {
    throw new ProviderError(provider, 'malformed or truncated JSON', 'invalid');
  }
}
