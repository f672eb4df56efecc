/**
 * A minimal PNG encoder (RGBA, 8 bit, no filtering, zlib level 3). resvg's own encoder
 * compresses harder and costs ~25 ms on a 1600x1100 chart; flat chart colours compress
 * nearly as well this way in a fifth of the time.
 */
import { deflateSync } from 'node:zlib';

const SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let c = 0xffffffff;
  for (let i = start; i < end; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out, 4, 8 + data.length));
  return out;
}

function unpremultiplyPixel(rgba: Uint8Array, i: number): void {
  const a = rgba[i + 3]!;
  if (a === 255 || a === 0) return;
  for (let c = i; c < i + 3; c++) rgba[c] = Math.min(255, Math.round((rgba[c]! * 255) / a));
}

/**
 * Premultiplied RGBA (what resvg rasterises to) back to straight alpha, in place.
 * With `frame`, only pixels within that many pixels of the edge are looked at: an opaque
 * card covers the rest, so only its rounded corners and outer edge can be translucent.
 */
export function unpremultiply(rgba: Uint8Array, width?: number, height?: number, frame?: number): void {
  if (width === undefined || height === undefined || frame === undefined || frame * 2 >= Math.min(width, height)) {
    for (let i = 0; i < rgba.length; i += 4) unpremultiplyPixel(rgba, i);
    return;
  }
  for (let y = 0; y < height; y++) {
    const row = y * width * 4;
    if (y < frame || y >= height - frame) {
      for (let x = 0; x < width; x++) unpremultiplyPixel(rgba, row + x * 4);
    } else {
      for (let x = 0; x < frame; x++) unpremultiplyPixel(rgba, row + x * 4);
      for (let x = width - frame; x < width; x++) unpremultiplyPixel(rgba, row + x * 4);
    }
  }
}

/** Encodes straight-alpha RGBA pixels as a PNG. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Uint8Array {
  const stride = width * 4;
  if (rgba.length !== stride * height) throw new Error(`expected ${stride * height} bytes of RGBA, got ${rgba.length}`);
  const header = new Uint8Array(13);
  const hv = new DataView(header.buffer);
  hv.setUint32(0, width);
  hv.setUint32(4, height);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit, RGBA, deflate, adaptive filtering, no interlace
  const scanlines = new Uint8Array((stride + 1) * height);
  for (let y = 0; y < height; y++) scanlines.set(rgba.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  const idat = deflateSync(scanlines, { level: 3 });
  const parts = [SIGNATURE, chunk('IHDR', header), chunk('IDAT', idat), chunk('IEND', new Uint8Array(0))];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}
