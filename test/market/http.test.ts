import { afterEach, describe, expect, it } from 'vitest';
import { HTTPError } from 'ky';
import { createHttp, getText, looksLikeHtml, parseJson, retryAfterMs, retryVerdict } from '../../src/market/http.ts';
import { startVendor, type FakeVendor } from './helpers/server.ts';

let vendor: FakeVendor | undefined;
afterEach(async () => {
  await vendor?.close();
  vendor = undefined;
});

describe('http', () => {
  it('retries a 500 and succeeds on the next attempt', async () => {
    let n = 0;
    vendor = await startVendor(() => (++n === 1 ? { status: 500 } : { status: 200, body: 'ok' }));
    const http = createHttp({ retries: 2, backoffLimitMs: 10 });
    const res = await getText(http, 'test', `${vendor.baseUrl}/x`);
    expect(res.body).toBe('ok');
    expect(vendor.count()).toBe(2);
  });

  it('gives up after the bounded number of retries with an http error', async () => {
    vendor = await startVendor(() => ({ status: 503 }));
    const http = createHttp({ retries: 2, backoffLimitMs: 10 });
    await expect(getText(http, 'test', `${vendor.baseUrl}/x`)).rejects.toMatchObject({ provider: 'test', kind: 'http' });
    expect(vendor.count()).toBe(3);
  });

  it('honours a short Retry-After on 429 and retries', async () => {
    let n = 0;
    vendor = await startVendor(() => (++n === 1 ? { status: 429, headers: { 'retry-after': '0' } } : { status: 200, body: 'ok' }));
    const res = await getText(createHttp({ retries: 1 }), 'test', `${vendor.baseUrl}/x`);
    expect(res.body).toBe('ok');
    expect(vendor.count()).toBe(2);
  });

  it('does not wait out a Retry-After longer than allowed: rate_limited at once', async () => {
    vendor = await startVendor(() => ({ status: 429, headers: { 'retry-after': '3600' } }));
    await expect(getText(createHttp({ retries: 3, maxRetryAfterMs: 2_000 }), 'test', `${vendor.baseUrl}/x`)).rejects.toMatchObject({ kind: 'rate_limited' });
    expect(vendor.count()).toBe(1);
  });

  it('turns a hung request into a timeout error', async () => {
    vendor = await startVendor(() => ({ hang: true }));
    await expect(getText(createHttp({ timeoutMs: 150, retries: 0 }), 'test', `${vendor.baseUrl}/x`)).rejects.toMatchObject({ kind: 'timeout' });
  });

  it('reports a refused connection as an http error, not a crash', async () => {
    vendor = await startVendor(() => ({ status: 200 }));
    const url = `${vendor.baseUrl}/x`;
    await vendor.close();
    vendor = undefined;
    await expect(getText(createHttp({ retries: 0 }), 'test', url)).rejects.toMatchObject({ kind: 'http', message: expect.stringContaining('ECONNREFUSED') });
  });

  it('does not retry an unreachable host, nor a 429 asking for too long a wait', () => {
    const unreachable = Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('getaddrinfo'), { code: 'ENOTFOUND' }) });
    expect(retryVerdict(unreachable, 1000)).toBe(false);
    expect(retryVerdict(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } }), 1000)).toBeUndefined();
    const request = new Request('http://127.0.0.1/x');
    const tooLong = new HTTPError(new Response('', { status: 429, headers: { 'retry-after': '30' } }), request, {} as never);
    const shortWait = new HTTPError(new Response('', { status: 429, headers: { 'retry-after': '1' } }), request, {} as never);
    expect(retryVerdict(tooLong, 5000)).toBe(false);
    expect(retryVerdict(shortWait, 5000)).toBeUndefined();
  });

  it('returns a 404 body so providers can read the vendor\'s own message', async () => {
    vendor = await startVendor(() => ({ status: 404, body: '{"error":"gone"}' }));
    const res = await getText(createHttp({ retries: 0 }), 'test', `${vendor.baseUrl}/x`);
    expect(res).toMatchObject({ status: 404, body: '{"error":"gone"}' });
  });

  it('sends a user agent', async () => {
    let ua = '';
    vendor = await startVendor((_url, req) => {
      ua = req.headers['user-agent'] ?? '';
      return { status: 200 };
    });
    await getText(createHttp({ userAgent: 'capwatch-test/1' }), 'test', `${vendor.baseUrl}/x`);
    expect(ua).toBe('capwatch-test/1');
  });

  it('parses Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2026-11-21T10:00:00Z');
    expect(retryAfterMs('2', now)).toBe(2000);
    expect(retryAfterMs('Sat, 21 Nov 2026 10:00:05 GMT', now)).toBe(5000);
    expect(retryAfterMs(null, now)).toBeNull();
    expect(retryAfterMs('soon', now)).toBeNull();
  });

  it('refuses HTML, empty and truncated bodies as JSON', () => {
    expect(looksLikeHtml('  <!doctype html><html>')).toBe(true);
    expect(looksLikeHtml('{"a":1}', 'application/json')).toBe(false);
    const r = (body: string, contentType = 'application/json') => ({ status: 200, contentType, body });
    expect(() => parseJson('p', r('<html></html>', 'text/html'))).toThrow(expect.objectContaining({ kind: 'invalid' }));
    expect(() => parseJson('p', r(''))).toThrow(expect.objectContaining({ kind: 'empty' }));
    expect(() => parseJson('p', r('{"chart":{"result":[{"meta"'))).toThrow(/truncated/);
    expect(parseJson('p', r('{"a":1}'))).toEqual({ a: 1 });
  });
});
