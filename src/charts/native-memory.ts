/**
 * resvg keeps each render's tree, font database and pixmap in native memory that V8 does not count, so a bot
 * whose JavaScript heap stays small never collects their wrappers: measured, resident memory grew 3 to 10 MB
 * with every chart until a collection ran their finalizers. A full collection a moment after the last render
 * returns that memory (with the render on the main thread: the bot after one chart command 145 -> 126 MB); it
 * takes a few milliseconds, off any reply's path.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const DELAY_MS = 200;
let collect: (() => void) | null | undefined;
let timer: NodeJS.Timeout | undefined;

/** V8's gc(), exposed for this process without `--expose-gc` (the flag applies to contexts created after it). */
function collector(): (() => void) | null {
  if (collect !== undefined) return collect;
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    collect = typeof gc === 'function' ? () => void gc() : null;
  } catch {
    collect = null;
  }
  return collect;
}

/** Collects once, DELAY_MS after the last of a burst of renders. */
export function releaseRenderMemory(): void {
  clearTimeout(timer);
  timer = setTimeout(() => collector()?.(), DELAY_MS);
  timer.unref();
}
