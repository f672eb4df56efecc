/** The instruments users compare, as option choices shared by every platform. */
import type { Choice } from './command.ts';

export interface Instrument {
  symbol: string;
  label: string;
}

export const LARGE: Record<string, Instrument> = {
  sp500: { symbol: 'SPY', label: 'the S&P 500 (SPY)' },
  nasdaq: { symbol: 'QQQ', label: 'the Nasdaq 100 (QQQ)' },
  midcap: { symbol: 'MDY', label: 'the S&P 400 mid caps (MDY)' },
  equalweight: { symbol: 'RSP', label: 'the equal-weight S&P 500 (RSP)' },
};

export const SMALL: Record<string, Instrument> = {
  iwm: { symbol: 'IWM', label: 'The Russell 2000 (IWM)' },
  rut: { symbol: '^RUT', label: 'The Russell 2000 index' },
  ijr: { symbol: 'IJR', label: 'The S&P 600 small caps (IJR)' },
  iwn: { symbol: 'IWN', label: 'Russell 2000 value (IWN)' },
  iwo: { symbol: 'IWO', label: 'Russell 2000 growth (IWO)' },
};

export const LARGE_CHOICES: Choice[] = [
  { value: 'sp500', label: 'S&P 500 (SPY)', aliases: ['spy', 's&p', 's&p500', 'sp', 'spx', '^gspc', 'gspc', 's&p 500', 'large', 'largecaps'] },
  { value: 'nasdaq', label: 'Nasdaq 100 (QQQ)', aliases: ['qqq', 'ndx', '^ndx', 'nasdaq100', 'tech'] },
  { value: 'midcap', label: 'S&P 400 mid caps (MDY)', aliases: ['mdy', 'mid', 'midcaps', 'mid-caps'] },
  { value: 'equalweight', label: 'Equal-weight S&P 500 (RSP)', aliases: ['rsp', 'equal', 'equal-weight', 'ew'] },
];

export const SMALL_CHOICES: Choice[] = [
  { value: 'iwm', label: 'Russell 2000 ETF (IWM)', aliases: ['russell2000etf'] },
  { value: 'rut', label: 'Russell 2000 index (^RUT)', aliases: ['^rut', 'russell', 'russell2000', 'r2k', 'russell 2000'] },
  { value: 'ijr', label: 'S&P 600 (IJR)', aliases: ['sp600', 's&p600', 'smallcap600'] },
  { value: 'iwn', label: 'Russell 2000 value (IWN)', aliases: ['value'] },
  { value: 'iwo', label: 'Russell 2000 growth (IWO)', aliases: ['growth'] },
];
