/**
 * Replaces Vega's <text> elements with glyph outlines from the bundled font (opentype.js),
 * so resvg has no text to lay out and no font to load, and the pixels do not depend on
 * resvg's shaping. Text this cannot read exactly (other fonts, unexpected markup) is left
 * as <text> for resvg to draw itself.
 */
import type { PathCommand } from 'opentype.js';
import { FONT_FAMILY, SHAPING, bundledFont } from './font.ts';
import { isBold, measureText } from './measure.ts';

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

/** Path data for one line of text with its alphabetic baseline at y, anchored at x = 0. */
export function linePath(text: string, size: number, boldWeight: boolean, anchor: string, y = 0): string {
  const width = anchor === 'start' ? 0 : measureText(text, size, boldWeight);
  const x = anchor === 'middle' ? -width / 2 : anchor === 'end' ? -width : 0;
  return pathData(bundledFont(boldWeight).getPath(text, x, y, size, SHAPING).commands);
}

const num = (v: number) => Math.round(v * 100) / 100;

/**
 * SVG path data to 2 decimals. Not opentype.js's Path.toPathData: 2.0.0 writes NaN for a
 * coordinate with float noise (48.00000000000001), which cuts the glyph short without an
 * error, as at non-integer font sizes (opentypejs/opentype.js#868, fixed on master but not
 * released, #876); it is also ~5x slower and grows a rounding cache that is never emptied.
 */
function pathData(commands: readonly PathCommand[]): string {
  let d = '';
  for (const c of commands) {
    if (c.type === 'Z') d += 'Z';
    else if (c.type === 'Q') d += `Q${num(c.x1)} ${num(c.y1)} ${num(c.x)} ${num(c.y)}`;
    else if (c.type === 'C') d += `C${num(c.x1)} ${num(c.y1)} ${num(c.x2)} ${num(c.y2)} ${num(c.x)} ${num(c.y)}`;
    else d += `${c.type}${num(c.x)} ${num(c.y)}`;
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
