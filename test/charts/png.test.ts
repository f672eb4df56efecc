import { describe, expect, it } from 'vitest';
import { crc32, inflateSync } from 'node:zlib';
import { encodePng } from '../../src/charts/png.ts';

function chunks(png: Buffer): { type: string; data: Buffer }[] {
  const out: { type: string; data: Buffer }[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    expect(png.readUInt32BE(at + 8 + length)).toBe(crc32(png.subarray(at + 4, at + 8 + length)));
    out.push({ type, data });
    at += 12 + length;
  }
  return out;
}

describe('encodePng', () => {
  it('writes straight-alpha RGBA rows from premultiplied pixels, with valid chunks', async () => {
    // 2x2: opaque red, transparent, half-transparent white (premultiplied 128,128,128,128), opaque blue.
    const pixels = new Uint8Array([255, 0, 0, 255, 0, 0, 0, 0, 128, 128, 128, 128, 0, 0, 255, 255]);
    const png = Buffer.from(await encodePng(2, 2, pixels));
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const parts = chunks(png);
    expect(parts.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    const ihdr = parts[0]!.data;
    expect([ihdr.readUInt32BE(0), ihdr.readUInt32BE(4), ...ihdr.subarray(8)]).toEqual([2, 2, 8, 6, 0, 0, 0]);
    expect([...inflateSync(parts[1]!.data)]).toEqual([0, 255, 0, 0, 255, 0, 0, 0, 0, 0, 255, 255, 255, 128, 0, 0, 255, 255]);
  });
});
