/** Ticker validation and per-vendor spelling. Yahoo's spelling is ours; Stooq spells things its own way. */
import { UnknownSymbolError } from './types.ts';

/** Symbols the bot talks about by default; any other valid ticker is accepted too. */
export const KNOWN_SYMBOLS = ['IWM', 'SPY', 'QQQ', 'IJR', 'MDY', 'RSP', 'IWN', 'IWO', '^RUT', '^GSPC', '^NDX'] as const;

/** Common spellings of indices that users type without the caret. */
const ALIASES: Record<string, string> = {
  RUT: '^RUT',
  SPX: '^GSPC',
  GSPC: '^GSPC',
  NDX: '^NDX',
  '^SPX': '^GSPC',
};

const STOOQ_INDICES: Record<string, string> = {
  '^GSPC': '^spx',
  '^NDX': '^ndx',
  '^DJI': '^dji',
  '^IXIC': '^ndq',
};

// A caret for indices, letters/digits, and the separators vendors use (BRK-B, OCDO.L, ZQF26.CBT, ES=F).
const TICKER = /^\^?[A-Z0-9][A-Z0-9.\-=]{0,15}$/;

/** Canonical (Yahoo-style) symbol for user text; throws UnknownSymbolError for text that cannot be a ticker. */
export function normalizeSymbol(input: string): string {
  const upper = input.trim().toUpperCase();
  const canonical = ALIASES[upper] ?? upper;
  if (!TICKER.test(canonical) || /[.\-=]{2}|[.\-=]$/.test(canonical)) throw new UnknownSymbolError(input.trim());
  return canonical;
}

export function yahooSymbol(symbol: string): string {
  return normalizeSymbol(symbol);
}

/** Stooq's spelling, or null when Stooq has no equivalent (most indices, futures). */
export function stooqSymbol(symbol: string): string | null {
  const s = normalizeSymbol(symbol);
  if (s.startsWith('^')) return STOOQ_INDICES[s] ?? null;
  if (s.includes('=')) return null;
  // Stooq lists US share classes with a dash (brk-b.us); other exchange suffixes we cannot translate.
  if (s.includes('.')) return null;
  return `${s.toLowerCase()}.us`;
}

const MONTH_CODES = 'FGHJKMNQUVXZ';

/** Yahoo's per-contract symbol of the 30-day fed funds future for a contract month (YYYY-MM). */
export function zqContractSymbol(month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  const code = m ? MONTH_CODES[Number(m[2]) - 1] : undefined;
  if (!m || !code) throw new Error(`bad contract month "${month}"`);
  return `ZQ${code}${m[1]!.slice(2)}.CBT`;
}

/** The next `count` contract months starting with the month of `date` (YYYY-MM each). */
export function contractMonths(date: Date, count: number): string[] {
  const out: string[] = [];
  let y = date.getUTCFullYear();
  let m = date.getUTCMonth() + 1;
  for (let i = 0; i < count; i++) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}
