/**
 * Just enough of a TrueType reader for charts: code point -> glyph, advance widths
 * and glyph outlines (simple and composite), from the bundled DejaVu files.
 */

export interface Point {
  x: number;
  y: number;
  on: boolean;
}

/** Closed contours in font units, y up. */
export type Contours = Point[][];

export interface FontFile {
  unitsPerEm: number;
  glyphIndex(codePoint: number): number;
  /** Advance width in font units. */
  advance(glyph: number): number;
  outline(glyph: number): Contours;
}

export function parseFont(font: Uint8Array): FontFile {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const tables = new Map<string, number>();
  const numTables = view.getUint16(4);
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + i * 16;
    const tag = String.fromCharCode(font[rec]!, font[rec + 1]!, font[rec + 2]!, font[rec + 3]!);
    tables.set(tag, view.getUint32(rec + 8));
  }
  const need = (tag: string): number => {
    const offset = tables.get(tag);
    if (offset === undefined) throw new Error(`font has no ${tag} table`);
    return offset;
  };
  const head = need('head');
  const unitsPerEm = view.getUint16(head + 18);
  const longLoca = view.getInt16(head + 50) === 1;
  const numGlyphs = view.getUint16(need('maxp') + 4);
  const numberOfHMetrics = view.getUint16(need('hhea') + 34);
  const hmtx = need('hmtx');
  const loca = need('loca');
  const glyf = need('glyf');
  const glyphStart = (g: number) => (longLoca ? view.getUint32(loca + g * 4) : view.getUint16(loca + g * 2) * 2);

  const glyphIndex = cmapLookup(view, need('cmap'));
  const advance = (glyph: number) => view.getUint16(hmtx + 4 * Math.min(glyph, numberOfHMetrics - 1));

  function outline(glyph: number, depth = 0): Contours {
    if (glyph < 0 || glyph >= numGlyphs || depth > 8) return [];
    const start = glyf + glyphStart(glyph);
    if (glyphStart(glyph + 1) === glyphStart(glyph)) return []; // no outline (e.g. space)
    const contourCount = view.getInt16(start);
    return contourCount >= 0 ? simpleGlyph(view, start, contourCount) : compositeGlyph(view, start, (g) => outline(g, depth + 1));
  }

  return { unitsPerEm, glyphIndex, advance, outline };
}

function cmapLookup(view: DataView, cmap: number): (cp: number) => number {
  let sub = -1;
  for (let i = 0; i < view.getUint16(cmap + 2); i++) {
    const rec = cmap + 4 + i * 8;
    const platform = view.getUint16(rec);
    const encoding = view.getUint16(rec + 2);
    const offset = cmap + view.getUint32(rec + 4);
    if (view.getUint16(offset) === 4 && ((platform === 3 && encoding === 1) || platform === 0)) {
      sub = offset;
      break;
    }
  }
  if (sub < 0) throw new Error('font has no format 4 cmap');
  const segCount = view.getUint16(sub + 6) / 2;
  const endCodes = sub + 14;
  const startCodes = endCodes + segCount * 2 + 2;
  const idDeltas = startCodes + segCount * 2;
  const idRangeOffsets = idDeltas + segCount * 2;
  return (cp) => {
    if (cp > 0xffff) return 0;
    for (let s = 0; s < segCount; s++) {
      if (cp > view.getUint16(endCodes + s * 2)) continue;
      const first = view.getUint16(startCodes + s * 2);
      if (cp < first) return 0;
      const delta = view.getInt16(idDeltas + s * 2);
      const rangeOffsetAt = idRangeOffsets + s * 2;
      const rangeOffset = view.getUint16(rangeOffsetAt);
      if (rangeOffset === 0) return (cp + delta) & 0xffff;
      const glyph = view.getUint16(rangeOffsetAt + rangeOffset + (cp - first) * 2);
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
}

function simpleGlyph(view: DataView, start: number, contourCount: number): Contours {
  let p = start + 10;
  const ends: number[] = [];
  for (let i = 0; i < contourCount; i++, p += 2) ends.push(view.getUint16(p));
  const pointCount = contourCount > 0 ? ends[contourCount - 1]! + 1 : 0;
  p += 2 + view.getUint16(p); // skip instructions
  const flags: number[] = [];
  while (flags.length < pointCount) {
    const flag = view.getUint8(p++);
    flags.push(flag);
    if (flag & 8) for (let r = view.getUint8(p++); r > 0; r--) flags.push(flag);
  }
  const coords = (shortBit: number, sameBit: number): number[] => {
    const out: number[] = [];
    let value = 0;
    for (const flag of flags) {
      if (flag & shortBit) {
        const d = view.getUint8(p++);
        value += flag & sameBit ? d : -d;
      } else if (!(flag & sameBit)) {
        value += view.getInt16(p);
        p += 2;
      }
      out.push(value);
    }
    return out;
  };
  const xs = coords(2, 16);
  const ys = coords(4, 32);
  const contours: Contours = [];
  let first = 0;
  for (const end of ends) {
    const contour: Point[] = [];
    for (let i = first; i <= end; i++) contour.push({ x: xs[i]!, y: ys[i]!, on: (flags[i]! & 1) === 1 });
    contours.push(contour);
    first = end + 1;
  }
  return contours;
}

function compositeGlyph(view: DataView, start: number, outline: (glyph: number) => Contours): Contours {
  const f2dot14 = (at: number) => view.getInt16(at) / 16384;
  const contours: Contours = [];
  let p = start + 10;
  let flags: number;
  do {
    flags = view.getUint16(p);
    const glyph = view.getUint16(p + 2);
    p += 4;
    let dx: number;
    let dy: number;
    if (flags & 1) {
      dx = view.getInt16(p);
      dy = view.getInt16(p + 2);
      p += 4;
    } else {
      dx = view.getInt8(p);
      dy = view.getInt8(p + 1);
      p += 2;
    }
    // Point-matched placement (ARGS_ARE_XY_VALUES unset) is rare in Latin fonts; treat as no offset.
    if (!(flags & 2)) dx = dy = 0;
    let [a, b, c, d] = [1, 0, 0, 1];
    if (flags & 8) {
      a = d = f2dot14(p);
      p += 2;
    } else if (flags & 0x40) {
      a = f2dot14(p);
      d = f2dot14(p + 2);
      p += 4;
    } else if (flags & 0x80) {
      [a, b, c, d] = [f2dot14(p), f2dot14(p + 2), f2dot14(p + 4), f2dot14(p + 6)];
      p += 8;
    }
    for (const contour of outline(glyph)) {
      contours.push(contour.map((pt) => ({ x: a * pt.x + c * pt.y + dx, y: b * pt.x + d * pt.y + dy, on: pt.on })));
    }
  } while (flags & 0x20);
  return contours;
}
