/** The shape of the generated font metrics (see metrics-build.ts). */
export interface FaceMetrics {
  unitsPerEm: number;
  /** Advance of the glyph drawn for characters the font lacks. */
  notdef: number;
  /** Advance width by code point. */
  widths: Record<number, number>;
  /** Adjustment between two ASCII characters, keyed by the pair. */
  kerning: Record<string, number>;
}
