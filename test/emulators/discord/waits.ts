/** Waiting for what the bot does: a recorded REST request, or a gateway event (hang guards, not timings). */
import type { EventEmitter } from 'node:events';
import type { RecordedRequest } from './http.ts';

export function waitForRequest(
  emu: EventEmitter & { requests: RecordedRequest[] },
  match: (r: RecordedRequest) => boolean,
  timeoutMs: number,
): Promise<RecordedRequest> {
  const found = emu.requests.find(match);
  if (found) return Promise.resolve(found);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      emu.off('request', onRequest);
      reject(new Error(`No matching request within ${timeoutMs} ms; saw: ${emu.requests.map((r) => `${r.method} ${r.path}`).join(', ')}`));
    }, timeoutMs);
    const onRequest = (r: RecordedRequest) => {
      if (!match(r)) return;
      clearTimeout(timer);
      emu.off('request', onRequest);
      resolve(r);
    };
    emu.on('request', onRequest);
  });
}

export function waitForGateway(gateway: EventEmitter, event: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`No gateway ${event} within ${timeoutMs} ms`)), timeoutMs);
    gateway.once(event, () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
