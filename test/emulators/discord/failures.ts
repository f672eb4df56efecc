/** Failures injected into the Discord emulator's REST answers (429 with Discord's headers, 403, 404, 5xx). */
import type { RestResult } from './rest.ts';

export interface FailureRule {
  method?: string;
  /** Matched against the unversioned path, e.g. "/channels/123/messages" or /\/callback$/. */
  path: string | RegExp;
  status: number;
  /** How many matching requests fail; default 1. */
  times?: number;
  /** For 429: seconds to wait (body retry_after and Retry-After header). */
  retryAfter?: number;
  global?: boolean;
  code?: number;
  message?: string;
}

export function injectedFailure(failures: (FailureRule & { remaining: number })[], method: string, path: string): RestResult | null {
  const rule = failures.find(
    (f) => f.remaining > 0 && (!f.method || f.method === method) && (typeof f.path === 'string' ? f.path === path : f.path.test(path)),
  );
  if (!rule) return null;
  rule.remaining -= 1;
  if (rule.status === 429) {
    const retryAfter = rule.retryAfter ?? 1;
    return {
      status: 429,
      body: { message: 'You are being rate limited.', retry_after: retryAfter, global: rule.global ?? false, code: rule.global ? 0 : 20028 },
      headers: {
        'retry-after': String(Math.ceil(retryAfter)),
        'x-ratelimit-limit': '5',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset-after': String(retryAfter),
        'x-ratelimit-bucket': 'emulator-bucket',
        'x-ratelimit-scope': rule.global ? 'global' : 'user',
        ...(rule.global ? { 'x-ratelimit-global': 'true' } : {}),
      },
    };
  }
  const defaults: Record<number, [number, string]> = {
    403: [50001, 'Missing Access'],
    404: [10003, 'Unknown Channel'],
    500: [0, '500: Internal Server Error'],
    502: [0, '502: Bad Gateway'],
  };
  const [code, message] = defaults[rule.status] ?? [0, `${rule.status}`];
  return { status: rule.status, body: { code: rule.code ?? code, message: rule.message ?? message } };
}
