import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { webApi } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadChart } from '../../../adapters/slack/post-reply.ts';
import { multipartFile, multipartRequest } from '../../../src/http/multipart.ts';
import type { Chart } from '../../../src/reply.ts';
import { startSlackApi, type SlackApiEmulator } from '../../emulators/slack/web-api.ts';
import { PNG } from './fakes.ts';

let api: SlackApiEmulator;
let client: webApi.WebClient;
beforeAll(async () => {
  api = await startSlackApi({ token: 'xoxb-test' });
  client = new webApi.WebClient('xoxb-test', { slackApiUrl: api.url, retryConfig: { retries: 0 } });
});
afterAll(() => api.close());

describe('chart upload', () => {
  it('sends the one chart to every channel with its bytes intact, and leaves the chart usable', async () => {
    // A window into a larger buffer, so a stray copy or offset mistake shows in the bytes.
    const backing = new Uint8Array(PNG.byteLength + 8).fill(0xff);
    backing.set(PNG, 4);
    const chart: Chart = { png: backing.subarray(4, 4 + PNG.byteLength), alt: 'chart', name: 'digest "today".png' };
    const before = api.uploads.length;
    await Promise.all(['C1', 'C2', 'C3'].map((channel) => uploadChart(client, chart, { channel }, 'Digest')));
    const uploads = api.uploads.slice(before);
    expect(uploads.map((u) => [...u.bytes])).toEqual([[...PNG], [...PNG], [...PNG]]);
    expect(uploads.map((u) => u.filename)).toEqual(Array(3).fill('digest _today_.png'));
    expect([...chart.png]).toEqual([...PNG]);
  });
});

describe('multipartFile', () => {
  it('posts with a Content-Length (not chunked) and parses back to the file', async () => {
    let seen: { headers: IncomingHttpHeaders; body: Buffer } | undefined;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        seen = { headers: req.headers, body: Buffer.concat(chunks) };
        res.end('ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const data = new Uint8Array([1, 2, 3, 13, 10, 45, 45]);
      const body = multipartFile({ field: 'file', filename: 'a.bin', contentType: 'application/octet-stream', data });
      for (let i = 0; i < 2; i++) expect((await fetch(`http://127.0.0.1:${port}/`, multipartRequest(body))).ok).toBe(true);
      expect(seen?.headers['content-length']).toBe(String(body.length));
      expect(seen?.headers['transfer-encoding']).toBeUndefined();
      expect(seen?.body.byteLength).toBe(body.length);
      const form = await new Response(seen?.body, { headers: { 'content-type': body.contentType } }).formData();
      const file = form.get('file');
      expect(file instanceof Blob && [...new Uint8Array(await file.arrayBuffer())]).toEqual([1, 2, 3, 13, 10, 45, 45]);
      expect([...data]).toEqual([1, 2, 3, 13, 10, 45, 45]);
    } finally {
      server.close();
    }
  });
});
