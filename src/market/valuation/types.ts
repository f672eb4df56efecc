/** Fund-level valuation figures published by ETF issuers, each with its own date and issuer. */

/** What a figure measures: trailing P/E, forward (FY1) P/E, or price/book. */
export type ValuationMetric = 'pe_trailing' | 'pe_forward' | 'pb';

/** Whose holdings the issuer computed it over: the fund's own portfolio or its benchmark index. */
export type ValuationBasis = 'fund' | 'index';

export interface FundFigure {
  /** The fund's ticker, e.g. "IWM". */
  fund: string;
  metric: ValuationMetric;
  basis: ValuationBasis;
  value: number;
  /** The issuer's own "as of" date, YYYY-MM-DD. */
  asOf: string;
  /** Provider id that read it: 'ishares' | 'ssga'. */
  provider: string;
  /** Human name of the issuer and page, e.g. "iShares fund characteristics". */
  source: string;
}

/** What one issuer page yields: every figure it carries, each with its own date. */
export interface IssuerPage {
  fund: string;
  figures: FundFigure[];
}

export const METRIC_WORDS: Record<ValuationMetric, string> = {
  pe_trailing: 'trailing P/E',
  pe_forward: 'forward P/E (FY1)',
  pb: 'P/B',
};
