/** Words worth correcting when misspelt by one letter. */
import { BENCHMARK_WORDS } from './benchmarks.ts';
import { INTENT_WORDS } from './intents.ts';

const PERIOD_WORDS = ['today', 'yesterday', 'week', 'weeks', 'month', 'months', 'years', 'quarter', 'decade', 'since', 'during'];
const MONTHS = [
  'january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
];
const MARKET_WORDS = ['caps', 'stocks', 'market', 'markets', 'equities', 'index', 'benchmark'];

export const VOCABULARY: ReadonlySet<string> = new Set([
  ...INTENT_WORDS,
  ...BENCHMARK_WORDS,
  ...PERIOD_WORDS,
  ...MONTHS,
  ...MARKET_WORDS,
]);
