import { describe, expect, it } from 'vitest';
import { releaseRenderMemory } from '../../src/charts/native-memory.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('releaseRenderMemory', () => {
  it('collects garbage a moment after a burst of renders, as it would free resvg wrappers', async () => {
    let garbage: object | undefined = { pixels: new Uint8Array(1024) };
    const ref = new WeakRef(garbage);
    garbage = undefined;
    releaseRenderMemory();
    releaseRenderMemory(); // a burst: one collection, after the last
    await sleep(400);
    expect(ref.deref()).toBeUndefined();
  });
});
