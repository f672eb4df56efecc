/** Issuer pages print their dates in several ways; one reader turns each into YYYY-MM-DD or null. */
import { DateTime } from 'luxon';

// "as of Aug 28, 2025" (iShares US), "as of 28/Aug/2025" (iShares UK/CH), "as of Aug 28 2025" (SSGA),
// plus the ISO and compact forms found in embedded JSON.
const FORMATS = ['LLL d, yyyy', 'LLL d yyyy', 'dd/LLL/yyyy', 'd/LLL/yyyy', 'yyyy-MM-dd', 'yyyyMMdd', 'LLLL d, yyyy'];

export function issuerDate(text: string | undefined | null): string | null {
  if (!text) return null;
  const cleaned = text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^as of\s*/i, '')
    .replace(/\bSept\b/, 'Sep')
    .trim();
  for (const format of FORMATS) {
    const d = DateTime.fromFormat(cleaned, format, { locale: 'en-US', zone: 'UTC' });
    if (d.isValid) return d.toISODate();
  }
  return null;
}

/** "18.02", "1,234.5", "27.61x" -> number; "-", "N/A", "" -> null. */
export function issuerNumber(text: string | undefined | null): number | null {
  if (!text) return null;
  const cleaned = text.replace(/[,\sx]/g, '').trim();
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return null;
  const n = Number(cleaned);
  return Number.isFinite(n) ? n : null;
}

/** Issuer sites serve their product pages to browsers; a bot-like agent gets a consent wall or nothing. */
export const BROWSER_USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';
