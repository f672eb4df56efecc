/**
 * Second blind batch: written after the parser was reworked on fresh.ts but before it was scored
 * or changed again, to measure generalisation honestly. Same shape and `now` as questions.ts.
 * ("how does this thing work" repeated a questions.ts question word for word and was taken out.)
 */
import type { EvalQuestion } from './questions.ts';

export const FRESH2: EvalQuestion[] = [
  // performance
  { text: 'small caps vs the spoos this week', command: 'performance', entities: { period: '5d', vs: 'sp500' } },
  { text: 'how did rut close out the week', command: 'performance', entities: { period: '5d', small: 'rut' } },
  { text: 'IWM relative to SPY over the last 3 months', command: 'performance', entities: { period: '3m', vs: 'sp500', small: 'iwm' } },
  { text: "small caps haven't done anything since 2021 right?", command: 'performance', entities: { period: 'since:2021-01-01' } },
  { text: 'r2k is flying today 🔥', command: 'performance', entities: { period: '1d', small: 'rut' } },
  { text: 'whats the small cap/large cap spread ytd', command: 'performance', entities: { period: 'ytd' } },
  { text: 'how have small-caps fared vs. the nasdaq since june', command: 'performance', entities: { period: 'since:2026-06-01', vs: 'nasdaq' } },
  { text: 'equal weight vs russell 2k, 1 yr', command: 'performance', entities: { period: '1y', vs: 'equalweight', small: 'rut' } },
  { text: 'Did IJR beat MDY last quarter?', command: 'performance', entities: { period: '3m', vs: 'midcap', small: 'ijr' } },
  { text: 'russell performance over the past 2 years', command: 'performance', entities: { period: 'since:2024-11-21', small: 'rut' } },
  { text: 'Hey <@U99XYZ> how are we doing on small caps vs large this month', command: 'performance', entities: { period: 'since:2026-11-01' } },
  { text: 'how did the Russell 2000 do in 2022', command: 'performance', entities: { period: '2022', small: 'rut' } },
  { text: 'small caps today??', command: 'performance', entities: { period: '1d' } },

  // rate cuts
  { text: 'what are the odds the fed holds in january', command: 'ratecuts', entities: { meeting: '2027-01' } },
  { text: 'how many cuts are priced in for next year', command: 'ratecuts', entities: { by: '2027-12' } },
  { text: 'december fomc odds pls', command: 'ratecuts', entities: { meeting: '2026-12' } },
  { text: 'is a hike even possible at the next meeting lol', command: 'ratecuts', entities: { meeting: 'next' } },
  { text: 'cut probability march 2027', command: 'ratecuts', entities: { meeting: '2027-03' } },
  { text: 'whats fedwatch showing', command: 'ratecuts' },
  { text: 'cumulative easing priced through june?', command: 'ratecuts', entities: { by: '2027-06' } },

  // valuation
  { text: 'how cheap are smallcaps on a forward basis', command: 'valuation' },
  { text: 'russell pe vs spx pe', command: 'valuation' },
  { text: 'valuation gap small vs large still wide?', command: 'valuation' },
  { text: 'are large caps overvalued compared to small', command: 'valuation' },

  // earnings
  { text: 'small cap earnings growth vs large cap next 12 months', command: 'earnings' },
  { text: "how's eps trending for the r2k", command: 'earnings' },
  { text: 'what % of small caps lose money', command: 'earnings' },

  // digest
  { text: "can i get today's digest", command: 'digest' },
  { text: 'gimme the rundown', command: 'digest' },
  { text: 'morning wrap pls', command: 'digest' },

  // sources
  { text: 'where does the valuation data come from?', command: 'sources' },
  { text: "what's the source on the fed odds", command: 'sources' },

  // help
  { text: 'what commands do you support', command: 'help' },
  { text: 'help me use the chart command', command: 'help' },

  // chart
  { text: 'chart of small vs large caps over 5 years', command: 'chart', entities: { period: '5y' } },
  { text: 'can you plot russell vs nasdaq since jan', command: 'chart', entities: { period: 'ytd', vs: 'nasdaq', small: 'rut' } },
  { text: 'graph IWM vs RSP past 6 months', command: 'chart', entities: { period: '6m', vs: 'equalweight', small: 'iwm' } },

  // several questions: the first is answered
  { text: 'how did small caps do this week and what are the odds of a december cut', command: 'performance', entities: { period: '5d' } },
  { text: 'are small caps cheap? chart pls', command: 'valuation' },

  // off-topic and out of scope
  { text: "what's the price of TSLA", command: null },
  { text: 'is now a good time to buy small caps', command: null },
  { text: 'how is the housing market', command: null },
  { text: 'whats doge doing', command: null },
  { text: "who's the fed chair now", command: null },
  { text: 'can you set a reminder for 3pm', command: null },
  { text: "how's the 2s10s curve", command: null },
];
