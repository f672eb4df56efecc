/**
 * Replaces Vega's <text> elements with glyph outlines from the bundled font. resvg then
 * has no text to lay out: that work (font loading and shaping, about a third of a chart's
 * raster time) is done once per glyph here and cached. Text this cannot read exactly
 * (other fonts, unexpected markup) is left as <text> for resvg to draw itself.
 */
import { FONT_FAMILY } from './font.ts';
import type { Contours, FontFile } from './font-file.ts';
import { bundledFont, isBold } from './text-metrics.ts';

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

const num = (v: number) => String(Math.round(v * 100) / 100);

/** SVG path data for a contour set placed at (x0, baseline y0), scaled from font units. */
function contourPath(contours: Contours, scale: number, x0: number, y0: number): string {
  const px = (x: number) => num(x0 + x * scale);
  const py = (y: number) => num(y0 - y * scale);
  let d = '';
  for (const pts of contours) {
    const n = pts.length;
    if (n === 0) continue;
    let start: { x: number; y: number };
    let rest: typeof pts;
    if (pts[0]!.on) {
      start = pts[0]!;
      rest = pts.slice(1);
    } else if (pts[n - 1]!.on) {
      start = pts[n - 1]!;
      rest = pts.slice(0, n - 1);
    } else {
      start = { x: (pts[0]!.x + pts[n - 1]!.x) / 2, y: (pts[0]!.y + pts[n - 1]!.y) / 2 };
      rest = pts;
    }
    d += `M${px(start.x)} ${py(start.y)}`;
    let ctrl: { x: number; y: number } | undefined;
    for (const p of rest) {
      if (p.on) {
        d += ctrl ? `Q${px(ctrl.x)} ${py(ctrl.y)} ${px(p.x)} ${py(p.y)}` : `L${px(p.x)} ${py(p.y)}`;
        ctrl = undefined;
      } else {
        if (ctrl) {
          const mx = (ctrl.x + p.x) / 2;
          const my = (ctrl.y + p.y) / 2;
          d += `Q${px(ctrl.x)} ${py(ctrl.y)} ${px(mx)} ${py(my)}`;
        }
        ctrl = p;
      }
    }
    if (ctrl) d += `Q${px(ctrl.x)} ${py(ctrl.y)} ${px(start.x)} ${py(start.y)}`;
    d += 'Z';
  }
  return d;
}

const outlineCache = new WeakMap<FontFile, Map<number, Contours>>();

function outlineOf(font: FontFile, glyph: number): Contours {
  let cache = outlineCache.get(font);
  if (!cache) outlineCache.set(font, (cache = new Map()));
  let contours = cache.get(glyph);
  if (!contours) cache.set(glyph, (contours = font.outline(glyph)));
  return contours;
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
    d += contourPath(outlineOf(font, g), scale, pen, y);
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
