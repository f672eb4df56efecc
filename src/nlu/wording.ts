/** Pattern pieces shared by several commands' question phrases (commands/*.ts). */

export const MONTH_NAMES = 'january|february|march|april|may|june|july|august|september|october|november|december';

// "small cap value" / "russell 2000 growth" name funds, not valuation or earnings questions.
export const NOT_FUND_STYLE = String.raw`(?<!caps? |2000 |russell |small )`;
