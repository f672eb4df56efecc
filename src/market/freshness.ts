/** How old each kind of data may be before a reply must call it stale. */
export type Dataset = 'bars' | 'futures' | 'rates' | 'curated' | 'valuation';

const MAX_AGE_DAYS: Record<Dataset, number> = {
  // Weekends and holidays: four calendar days cover a long weekend.
  bars: 4,
  futures: 4,
  rates: 4,
  curated: 120,
  // Issuers publish fund characteristics daily; a week covers holidays and a late update.
  valuation: 7,
};

export function isStale(dataset: Dataset, asOf: string, now: Date): boolean {
  const ageDays = (now.getTime() - Date.parse(asOf.length === 10 ? `${asOf}T23:59:59Z` : asOf)) / 86_400_000;
  return ageDays > MAX_AGE_DAYS[dataset];
}
