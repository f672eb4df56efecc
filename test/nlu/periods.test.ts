import { describe, it, expect } from 'vitest';
import { extractPeriod } from '../../src/nlu/periods.ts';

const now = new Date('2026-11-21T15:00:00Z'); // Saturday in New York

describe('extractPeriod', () => {
  it.each([
    ['how did they do today', '1d'],
    ['yesterday', '1d'],
    ['this week', '5d'],
    ['over the past week', '5d'],
    ['last week', '5d'],
    ['last month', '1m'],
    ['the past month', '1m'],
    ['past 3 months', '3m'],
    ['last three months', '3m'],
    ['this quarter', 'since:2026-10-01'],
    ['small caps qtd', 'since:2026-10-01'],
    ['last quarter', '3m'],
    ['six months', '6m'],
    ['ytd', 'ytd'],
    ['year to date', 'ytd'],
    ['this year', 'ytd'],
    ['since the start of the year', 'ytd'],
    ['over the last year', '1y'],
    ['past 12 months', '1y'],
    ['over 3 years', '3y'],
    ['five years', '5y'],
    ['the last decade', '10y'],
    ['in 2024', '2024'],
    ['during 2019', '2019'],
    ['in 2026', 'ytd'],
    ['last year', '2025'],
    ['since july', 'since:2026-07-01'],
    ['since march 3', 'since:2026-03-03'],
    ['since december', 'since:2025-12-01'],
    ['since november 25', 'since:2025-11-25'],
    ['since november 21', 'since:2026-11-21'],
    ['since october 15 2025', 'since:2025-10-15'],
    ['since 2025-07-01', 'since:2025-07-01'],
    ['since 2024', 'since:2024-01-01'],
    ['this month', 'since:2026-11-01'],
    ['past two weeks', 'since:2026-11-07'],
    ['last 10 days', 'since:2026-11-11'],
    ['period:3m', '3m'],
    ['since labor day', 'since:2026-09-07'],
    ['since thanksgiving', 'since:2025-11-27'],
    ['small vs large 2023', '2023'],
    ['russell 2000 this week', '5d'],
    ['past 2 years', 'since:2024-11-21'],
    ['performance 6m', '6m'],
  ])('%s -> %s', (text, period) => {
    expect(extractPeriod(text, now)).toBe(period);
  });

  it.each(['how are small caps doing', 'russell 2000 performance', 'cuts by 2027', 'since the fed started cutting', 'vs the s&p 500'])(
    'finds no period in %j',
    (text) => expect(extractPeriod(text, now)).toBeUndefined(),
  );

  it('resolves "since" to the most recent past date across a year boundary', () => {
    const january = new Date('2027-01-05T15:00:00Z');
    expect(extractPeriod('since july', january)).toBe('since:2026-07-01');
    expect(extractPeriod('since january', january)).toBe('ytd');
    expect(extractPeriod('last year', january)).toBe('2026');
  });
});
