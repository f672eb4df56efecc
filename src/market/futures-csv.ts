/**
 * Fed funds futures strips from CSV (the `capwatch curate futures <file.csv>` import).
 *
 * The header names a contract-month column (`month`, `contract_month`, `contract` or `symbol`) and a
 * price column (`price`, `settle`, `settlement` or `close`); an optional `date`/`trade_date` column
 * holds the trade date, and other columns are ignored. Months are YYYY-MM, CME codes (ZQV26,
 * ZQV26.CBT) or month names (OCT26, Oct 2026). Lines that are blank or start with # are skipped.
 */
import { z } from 'zod';

export interface FuturesCsv {
  tradeDate?: string;
  /** Ascending by month. */
  quotes: { month: string; price: number }[];
}

export class FuturesCsvError extends Error {
  readonly line: number | undefined;

  constructor(message: string, line?: number) {
    super(line === undefined ? message : `line ${line}: ${message}`);
    this.line = line;
    this.name = 'FuturesCsvError';
  }
}

const MONTH_COLUMNS = ['month', 'contract_month', 'contract', 'symbol'];
const PRICE_COLUMNS = ['price', 'settle', 'settlement', 'close'];
const DATE_COLUMNS = ['trade_date', 'date'];

const CME_MONTH_CODES = 'FGHJKMNQUVXZ';
const MONTH_NAMES = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

/** A contract month as YYYY-MM, or undefined when the text is none of the accepted forms. */
export function parseContractMonth(raw: string): string | undefined {
  const text = raw.trim().toUpperCase();
  const iso = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(text);
  if (iso) return `${iso[1]}-${iso[2]}`;
  const code = /^(?:ZQ)?([FGHJKMNQUVXZ])(\d{2})(?:\.CBT)?$/.exec(text);
  if (code) return yearMonth(`20${code[2]}`, CME_MONTH_CODES.indexOf(code[1]!) + 1);
  const named = /^([A-Z]{3})[A-Z]*[\s-]?(\d{2}|\d{4})$/.exec(text);
  if (named) {
    const index = MONTH_NAMES.indexOf(named[1]!);
    if (index >= 0) return yearMonth(named[2]!.length === 2 ? `20${named[2]}` : named[2]!, index + 1);
  }
  return undefined;
}

const rowSchema = z.object({
  month: z.string().transform((raw, ctx) => {
    const month = parseContractMonth(raw);
    if (month === undefined) {
      ctx.addIssue({ code: 'custom', message: `contract month "${raw}" is not YYYY-MM, a CME code like ZQV26 or a name like OCT26` });
      return z.NEVER;
    }
    return month;
  }),
  price: z
    .string()
    .trim()
    .regex(/^[+-]?(\d+\.?\d*|\.\d+)$/, { message: 'price is not a number' })
    .transform(Number)
    .refine((p) => p > 0 && p <= 100, { message: 'price is outside (0, 100]' }),
  date: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'trade date is not YYYY-MM-DD' })
    .optional(),
});

/** Every strip in the file, one per trade date, ascending (one strip without a date when there is no date column). */
export function parseFuturesCsvByDate(text: string): FuturesCsv[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const headerIndex = lines.findIndex((l) => isContent(l));
  if (headerIndex < 0) throw new FuturesCsvError('the file is empty');
  const header = splitCsvLine(lines[headerIndex]!).map((h) => h.trim().toLowerCase());
  const col = (names: string[]) => names.map((n) => header.indexOf(n)).find((i) => i >= 0);
  const monthCol = col(MONTH_COLUMNS);
  const priceCol = col(PRICE_COLUMNS);
  const dateCol = col(DATE_COLUMNS);
  if (monthCol === undefined || priceCol === undefined) {
    throw new FuturesCsvError(
      `the header needs a contract month column (${MONTH_COLUMNS.join(', ')}) and a price column (${PRICE_COLUMNS.join(', ')}); found: ${header.join(', ')}`,
      headerIndex + 1,
    );
  }

  const byDate = new Map<string, Map<string, number>>();
  for (let i = headerIndex + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (!isContent(line)) continue;
    const cells = splitCsvLine(line);
    const parsed = rowSchema.safeParse({
      month: cells[monthCol] ?? '',
      price: cells[priceCol] ?? '',
      date: dateCol === undefined ? undefined : (cells[dateCol] ?? ''),
    });
    if (!parsed.success) throw new FuturesCsvError(parsed.error.issues.map((issue) => issue.message).join('; '), i + 1);
    const { month, price, date } = parsed.data;
    const key = date ?? '';
    const strip = byDate.get(key) ?? new Map<string, number>();
    if (strip.has(month)) throw new FuturesCsvError(`contract month ${month} appears twice${date ? ` for ${date}` : ''}`, i + 1);
    strip.set(month, price);
    byDate.set(key, strip);
  }
  if (byDate.size === 0) throw new FuturesCsvError('the file has a header but no quotes');

  return [...byDate.keys()].sort().map((date) => {
    const quotes = [...byDate.get(date)!.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([month, price]) => ({ month, price }));
    return date === '' ? { quotes } : { tradeDate: date, quotes };
  });
}

/** The strip of the latest trade date in the file (the only one when there is no date column). */
export function parseFuturesCsv(text: string): FuturesCsv {
  return parseFuturesCsvByDate(text).at(-1)!;
}

function isContent(line: string): boolean {
  const t = line.trim();
  return t !== '' && !t.startsWith('#');
}

/** Splits one CSV line; handles double-quoted fields with "" escapes. */
function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  return cells.map((c) => c.trim());
}

function yearMonth(year: string, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}
