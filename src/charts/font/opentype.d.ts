/**
 * The part of opentype.js 2.x that src/charts/font/metrics-build.ts uses (a dev dependency). The package ships no types, and
 * @types/opentype.js describes 1.x and pulls the DOM lib into the whole program.
 */
declare module 'opentype.js' {
  export interface RenderOptions {
    script?: string;
  }

  export type PathCommand =
    | { type: 'M' | 'L'; x: number; y: number }
    | { type: 'Q'; x1: number; y1: number; x: number; y: number }
    | { type: 'C'; x1: number; y1: number; x2: number; y2: number; x: number; y: number }
    | { type: 'Z' };

  export interface Path {
    /** Absolute commands, in the coordinates getPath was given (y down). */
    commands: PathCommand[];
  }

  export interface Font {
    getAdvanceWidth(text: string, fontSize: number, options?: RenderOptions): number;
    /** Outline of a line of text with its alphabetic baseline at y, in SVG's y-down space. */
    getPath(text: string, x: number, y: number, fontSize: number, options?: RenderOptions): Path;
    tables: { gsub?: { features: { tag: string; feature: { lookupListIndexes: number[] } }[] } };
    unitsPerEm: number;
    charToGlyphIndex(char: string): number;
    glyphs: { get(index: number): { advanceWidth?: number } };
  }

  const opentype: { parse(buffer: ArrayBuffer): Font };
  export default opentype;
}
