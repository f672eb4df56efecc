/**
 * Replaces Vega's <text> elements with glyph outlines from the bundled font. resvg then
 * has no text to lay out: that work (font loading and shaping, about a third of a chart's
 * raster time) is done once per glyph here and cached. Text this cannot read exactly
 * (other fonts, unexpected markup) is left as <text> for resvg to draw itself.
 */
import { FONT_FAMILY } from './font.ts';
import type { Contours, FontFile } from './font-file.ts';
import { bundledFont, isBold } from './measure.ts';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const cp = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(cp) ? String.fromCodePoint(cp) : whole;
    }
    return ENTITIES[ref] ?? whole;
  });
}

const round = (v: number) => Math.round(v * 100) / 100;

/**
 * A glyph at one size as path data with relative commands, so it is built once and
 * placed anywhere by a leading absolute move. Coordinates are rounded in glyph space
 * first, so relative steps between them are exact and never drift.
 */
interface PlacedGlyph {
  /** First point (glyph space, px, y down), or undefined for a glyph with no outline. */
  start?: [number, number];
  /** Everything after the first move, relative. */
  rest: string;
}

function glyphPath(contours: Contours, scale: number): PlacedGlyph {
  let prev: [number, number] | undefined;
  let first: [number, number] | undefined;
  let subpathStart: [number, number] = [0, 0];
  let rest = '';
  const rel = (x: number, y: number): string => {
    const p: [number, number] = [round(x * scale), round(-y * scale)];
    const out = `${round(p[0] - prev![0])} ${round(p[1] - prev![1])}`;
    prev = p;
    return out;
  };
  const move = (x: number, y: number) => {
    const p: [number, number] = [round(x * scale), round(-y * scale)];
    if (!first) {
      first = p;
    } else {
      rest += `m${round(p[0] - subpathStart[0])} ${round(p[1] - subpathStart[1])}`;
    }
    prev = p;
    subpathStart = p;
  };
  for (const pts of contours) {
    const n = pts.length;
    if (n === 0) continue;
    let start: { x: number; y: number };
    let tail: typeof pts;
    if (pts[0]!.on) {
      start = pts[0]!;
      tail = pts.slice(1);
    } else if (pts[n - 1]!.on) {
      start = pts[n - 1]!;
      tail = pts.slice(0, n - 1);
    } else {
      start = { x: (pts[0]!.x + pts[n - 1]!.x) / 2, y: (pts[0]!.y + pts[n - 1]!.y) / 2 };
      tail = pts;
    }
    move(start.x, start.y);
    let ctrl: { x: number; y: number } | undefined;
    // Quadratic control points are relative to the segment's start, like its end point.
    const quad = (c: { x: number; y: number }, x: number, y: number) => {
      const from = prev!;
      const cx = round(round(c.x * scale) - from[0]);
      const cy = round(round(-c.y * scale) - from[1]);
      rest += `q${cx} ${cy} ${rel(x, y)}`;
    };
    for (const p of tail) {
      if (p.on) {
        if (ctrl) quad(ctrl, p.x, p.y);
        else rest += `l${rel(p.x, p.y)}`;
        ctrl = undefined;
      } else {
        if (ctrl) quad(ctrl, (ctrl.x + p.x) / 2, (ctrl.y + p.y) / 2);
        ctrl = p;
      }
    }
    if (ctrl) quad(ctrl, start.x, start.y);
    rest += 'z';
    prev = subpathStart; // after z the current point is the subpath's start
  }
  return first ? { start: first, rest } : { rest: '' };
}

const glyphCache = new WeakMap<FontFile, Map<string, PlacedGlyph>>();

function placedGlyph(font: FontFile, glyph: number, size: number): PlacedGlyph {
  let cache = glyphCache.get(font);
  if (!cache) glyphCache.set(font, (cache = new Map()));
  const key = `${glyph}@${size}`;
  let placed = cache.get(key);
  if (!placed) cache.set(key, (placed = glyphPath(font.outline(glyph), size / font.unitsPerEm)));
  return placed;
}

/** Path data for one line of text with its alphabetic baseline at y, anchored at x = 0. */
export function linePath(text: string, size: number, boldWeight: boolean, anchor: string, y = 0): string {
  const font = bundledFont(boldWeight);
  const scale = size / font.unitsPerEm;
  const glyphs = [...text].map((ch) => font.glyphIndex(ch.codePointAt(0)!));
  const width = glyphs.reduce((w, g) => w + font.advance(g), 0) * scale;
  let pen = anchor === 'middle' ? -width / 2 : anchor === 'end' ? -width : 0;
  let d = '';
  for (const g of glyphs) {
    const placed = placedGlyph(font, g, size);
    if (placed.start) d += `M${round(pen + placed.start[0])} ${round(y + placed.start[1])}${placed.rest}`;
    pen += font.advance(g) * scale;
  }
  return d;
}

function attributes(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(/([\w:-]+)="([^"]*)"/g)) out.set(m[1]!, m[2]!);
  return out;
}

/** Lines of a text element's body: plain text, or Vega's tspans (x="0" dy="..."). */
function lines(body: string): { text: string; dy: number }[] | undefined {
  if (!body.includes('<')) return [{ text: unescapeXml(body), dy: 0 }];
  const out: { text: string; dy: number }[] = [];
  const rest = body.replace(/<tspan([^>]*)>([^<]*)<\/tspan>/g, (_, attrs: string, inner: string) => {
    const a = attributes(attrs);
    const x = a.get('x');
    if (x !== undefined && Number(x) !== 0) return '\u0000';
    out.push({ text: unescapeXml(inner), dy: Number(a.get('dy') ?? 0) });
    return '';
  });
  return rest === '' ? out : undefined;
}

const PASSED_ON = ['transform', 'fill', 'opacity', 'fill-opacity', 'clip-path'];

export function textToPaths(svg: string): string {
  return svg.replace(/<text([^>]*)>([\s\S]*?)<\/text>/g, (whole, attrText: string, body: string) => {
    const attrs = attributes(attrText);
    const family = attrs.get('font-family') ?? FONT_FAMILY;
    if (!family.replace(/['"]/g, '').startsWith(FONT_FAMILY)) return whole;
    if (['x', 'y', 'dx', 'dy', 'letter-spacing', 'font-style', 'stroke'].some((k) => attrs.has(k))) return whole;
    const size = parseFloat(attrs.get('font-size') ?? '11');
    const parsed = lines(body);
    if (!parsed || !(size > 0)) return whole;
    const bold = isBold(attrs.get('font-weight'));
    const anchor = attrs.get('text-anchor') ?? 'start';
    let y = 0;
    let d = '';
    for (const line of parsed) {
      y += line.dy;
      d += linePath(line.text, size, bold, anchor, y);
    }
    if (d === '') return '';
    const kept = PASSED_ON.filter((k) => attrs.has(k))
      .map((k) => ` ${k}="${attrs.get(k)}"`)
      .join('');
    const fill = attrs.has('fill') ? '' : ' fill="#000"';
    return `<path${kept}${fill} d="${d}"/>`;
  });
}
