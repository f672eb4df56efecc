/**
 * The characters the subset fonts keep (src/charts/font/build.ts): everything chart text can hold. Labels and
 * sources come from data, so whole Latin blocks are kept, plus the typography the charts write themselves.
 */
const RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x20, 0x7e], // printable ASCII
  [0xa0, 0xff], // Latin-1 supplement: · × ÷ ° £ ¥ é ...
  [0x100, 0x17f], // Latin Extended-A, for names
  [0x2010, 0x2027], // dashes, quotes, • … ‧
  [0x2030, 0x203a], // ‰ ′ ″ ‹ ›
];
/** − ≈ ≤ ≥, € ™, arrows, ▲ ▼ ● and the ⚠ of the stale/offline note. */
const SINGLES = [0x2212, 0x2248, 0x2264, 0x2265, 0x20ac, 0x2122, 0x2190, 0x2191, 0x2192, 0x2193, 0x25b2, 0x25bc, 0x25cf, 0x26a0];

export const GLYPHS: string = [
  ...RANGES.flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, i) => from + i)),
  ...SINGLES,
]
  .map((cp) => String.fromCodePoint(cp))
  .join('');
