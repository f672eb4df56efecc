import { describe, it, expect } from 'vitest';
import { crc32, encodePng, unpremultiply } from '../../src/charts/png.ts';
import { rasterize } from '../../src/charts/render.ts';

/** Decodes a PNG with resvg's own decoder by drawing it as an SVG image at 1:1. */
function decode(png: Uint8Array, width: number, height: number): Uint8Array {
  const href = `data:image/png;base64,${Buffer.from(png).toString('base64')}`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><image width="${width}" height="${height}" href="${href}" image-rendering="optimizeSpeed"/></svg>`;
  return rasterize(svg, 1, false).pixels;
}

describe('png encoder', () => {
  it('computes the standard CRC-32', () => {
    expect(crc32(new TextEncoder().encode('IEND'))).toBe(0xae426082);
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('writes a PNG that a real decoder reads back pixel for pixel', () => {
    const width = 37;
    const height = 23;
    const rgba = new Uint8Array(width * height * 4);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const i = (y * width + x) * 4;
        rgba.set([(x * 7) & 255, (y * 11) & 255, (x * y) & 255, 255], i);
      }
    }
    const png = encodePng(width, height, rgba);
    expect([...png.slice(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
    expect([...decode(png, width, height)]).toEqual([...rgba]);
  });

  it('rejects a pixel buffer of the wrong size', () => {
    expect(() => encodePng(2, 2, new Uint8Array(15))).toThrow(/16 bytes/);
  });

  it('turns premultiplied alpha back into straight alpha', () => {
    const px = Uint8Array.of(50, 100, 25, 128, 10, 20, 30, 255, 0, 0, 0, 0);
    unpremultiply(px);
    expect([...px]).toEqual([100, 199, 50, 128, 10, 20, 30, 255, 0, 0, 0, 0]);
  });
});

describe('unpremultiply within a frame', () => {
  it('fixes translucent edge pixels and leaves the opaque middle alone', () => {
    const width = 10;
    const height = 10;
    const px = new Uint8Array(width * height * 4);
    const set = (x: number, y: number, v: number[]) => px.set(v, (y * width + x) * 4);
    const get = (x: number, y: number) => [...px.subarray((y * width + x) * 4, (y * width + x) * 4 + 4)];
    set(0, 0, [50, 50, 50, 128]);
    set(9, 5, [50, 50, 50, 128]);
    set(5, 5, [50, 50, 50, 128]); // would never be translucent inside a card; proves the middle is skipped
    unpremultiply(px, width, height, 2);
    expect(get(0, 0)).toEqual([100, 100, 100, 128]);
    expect(get(9, 5)).toEqual([100, 100, 100, 128]);
    expect(get(5, 5)).toEqual([50, 50, 50, 128]);
  });
});
