/**
 * The curated research figures capwatch knows, keyed by what they are for. The fiscal year or quarter a
 * figure is about is part of its key (data, not code): an operator moves the answer on by adding the next
 * period's figures, e.g. `earnings.eps_growth.2027.small`. Unknown keys are refused.
 */
import { InputError } from '../command.ts';

export interface CuratedKeySpec {
  /** How the key is written, with its period placeholder, e.g. "earnings.eps_growth.<year>.small". */
  template: string;
  pattern: RegExp;
  unit: string;
  /** A label for a key of this kind (its period filled in). */
  label: (period: string) => string;
}

const YEAR = '(20\\d\\d)';
const QUARTER = '(20\\d\\dq[1-4])';
const spec = (template: string, unit: string, label: (period: string) => string): CuratedKeySpec => ({
  template,
  unit,
  label,
  pattern: new RegExp(`^${template.replaceAll('.', '\\.').replace('<year>', YEAR).replace('<quarter>', QUARTER)}$`),
});

/** "2025q2" -> "Q2 2025". */
export function quarterWords(quarter: string): string {
  const m = /^(\d{4})q([1-4])$/.exec(quarter);
  return m ? `Q${m[2]} ${m[1]}` : quarter;
}

export const CURATED_KEYS: readonly CuratedKeySpec[] = [
  spec('valuation.forward_pe.small', 'x', () => 'Russell 2000 forward P/E'),
  spec('valuation.forward_pe.large', 'x', () => 'S&P 500 forward P/E'),
  spec('valuation.ev_ebitda.premium', '%', () => 'Russell 2000 EV/EBITDA premium over the S&P 490 (ex financials)'),
  spec('valuation.ev_ebitda.median_10y', '%', () => '10-year median EV/EBITDA premium'),
  spec('earnings.eps_growth.<year>.small', '%', (y) => `Small-cap EPS growth projected for ${y}`),
  spec('earnings.eps_growth.<year>.large', '%', (y) => `S&P 500 EPS growth projected for ${y}`),
  spec('earnings.eps_yoy.<quarter>.small', '%', (q) => `Small-cap ${quarterWords(q)} EPS growth, year over year`),
  spec('earnings.sales_yoy.<quarter>.small', '%', (q) => `Small-cap ${quarterWords(q)} sales growth, year over year`),
  spec('earnings.ntm_growth_ytd.small', '%', () => 'Small-cap NTM earnings growth, year to date'),
  spec('ratecuts.cuts_by_<year>_end', 'cuts', (y) => `Fed cuts priced by the end of ${y} (close to)`),
  spec('concentration.top10_share_of_gains', '%', () => 'Share of S&P 500 market-cap gains from its top 10 stocks since January 2021'),
];

/** The spec a key belongs to and the period in it ('' when the key has none), or null when unknown. */
export function curatedKeySpec(key: string): { spec: CuratedKeySpec; period: string } | null {
  for (const s of CURATED_KEYS) {
    const m = s.pattern.exec(key);
    if (m) return { spec: s, period: m[1] ?? '' };
  }
  return null;
}

/** Keys of the first round, whose period was fixed in code, and what they are called now. */
const RENAMED: Record<string, string> = {
  'earnings.eps_growth_2026.small': 'earnings.eps_growth.2026.small',
  'earnings.eps_growth_2026.large': 'earnings.eps_growth.2026.large',
  'earnings.q2_eps_yoy.small': 'earnings.eps_yoy.<quarter>.small (e.g. 2025q2)',
  'earnings.q2_sales_yoy.small': 'earnings.sales_yoy.<quarter>.small (e.g. 2025q2)',
};

/** Throws InputError naming the known keys when `key` is not one of them. */
export function checkCuratedKey(key: string): { spec: CuratedKeySpec; period: string } {
  const found = curatedKeySpec(key.trim());
  if (found) return found;
  const renamed = RENAMED[key.trim()];
  throw new InputError(
    `Unknown curated key "${key}"${renamed ? ` (now ${renamed})` : ''}.`,
    `Known keys: ${CURATED_KEYS.map((s) => s.template).join(', ')} (<year> as 2027, <quarter> as 2026q3).`,
  );
}

/** The periods for which every one of `templates` has a figure among `keys`, newest first. */
export function periodsCovered(keys: Iterable<string>, templates: readonly string[]): string[] {
  const have = new Set(keys);
  const specs = templates.map((t) => CURATED_KEYS.find((s) => s.template === t)).filter((s): s is CuratedKeySpec => s !== undefined);
  const periods = new Set<string>();
  for (const k of have) {
    const m = specs[0]?.pattern.exec(k);
    if (m?.[1]) periods.add(m[1]);
  }
  return [...periods].filter((p) => templates.every((t) => have.has(t.replace(/<year>|<quarter>/, p)))).sort().reverse();
}
