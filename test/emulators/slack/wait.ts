/** Waits until a check over recorded state passes, re-checking on each event; rejects after a hang guard. */
import type { EventEmitter } from 'node:events';

export function waitUntil<T>(events: EventEmitter, event: string, check: () => T | undefined | false, timeoutMs: number, message: string): Promise<T> {
  const first = check();
  if (first !== undefined && first !== false) return Promise.resolve(first);
  return new Promise<T>((resolve, reject) => {
    const onEvent = () => {
      const value = check();
      if (value === undefined || value === false) return;
      cleanup();
      resolve(value);
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(message));
    }, timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      events.off(event, onEvent);
    };
    events.on(event, onEvent);
  });
}
