/** Benchmark names -> `vs` (large-cap side) and `small` (small-cap side) choices of the performance command. */

const VS: [RegExp, string][] = [
  [/\bvs:(sp500|nasdaq|midcap|equalweight)\b/, '$1'],
  [/\b(?:equal(?:ly)? ?weight(?:ed)?|ew s&p|rsp)\b/, 'equalweight'],
  [/\b(?:mid ?caps?|midcaps?|mdy|s&p (?:400|mid ?cap)|sp400)\b/, 'midcap'],
  // NQ and ES ("spoos") are the index futures traders quote for the Nasdaq 100 and the S&P 500.
  [/\b(?:nasdaq(?: 100| composite)?|qqq|ndx|nq)\b/, 'nasdaq'],
  [/\b(?:s&p(?! (?:600|400|small|mid))(?: 500)?|sp ?500|spx|spy|gspc|standard (?:and|&) poor|spoo[sz]|(?<!\/)es)\b/, 'sp500'],
];

const SMALL: [RegExp, string][] = [
  [/\bsmall:(iwm|rut|ijr|iwn|iwo)\b/, '$1'],
  [/\b(?:russell(?: 2000| 2k)? value|r2k value|small ?caps? value|iwn)\b/, 'iwn'],
  [/\b(?:russell(?: 2000| 2k)? growth|r2k growth|small ?caps? growth|iwo)\b/, 'iwo'],
  [/\b(?:s&p (?:600|small ?cap(?: 600)?)|sp ?600|ijr)\b/, 'ijr'],
  [/\biwm\b/, 'iwm'],
  [/\b(?:russell(?! (?:1000|3000|top|mid))(?: 2000| 2k)?(?: index)?|r2k|rut|\^rut|rty)\b/, 'rut'],
];

function firstMatch(text: string, table: [RegExp, string][]): string | undefined {
  let best: { index: number; value: string } | undefined;
  for (const [pattern, value] of table) {
    const m = pattern.exec(text);
    if (!m) continue;
    const resolved = value === '$1' ? (m[1] ?? '') : value;
    // Explicit key:value wins outright; otherwise the name mentioned first.
    if (value === '$1') return resolved;
    if (!best || m.index < best.index) best = { index: m.index, value: resolved };
  }
  return best?.value;
}

export function extractVs(text: string): string | undefined {
  return firstMatch(text, VS);
}

export function extractSmall(text: string): string | undefined {
  return firstMatch(text, SMALL);
}

export const BENCHMARK_WORDS: readonly string[] = ['russell', 'nasdaq', 'midcap', 'midcaps', 'equal', 'weight', 'weighted', 'composite', 'small', 'large', 'value', 'growth'];
