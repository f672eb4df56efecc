/** Signs that a message asks something the bot does not answer: advice, other assets, small talk. */
import { extractSmall, extractVs } from './benchmarks.ts';

const SMALL_TALK =
  /\b(?:weather|rain|snow|joke|jokes|funny|recipe|cook|movie|movies|song|songs|poem|lottery|football|soccer|nba|nfl|sports?|dinner|lunch|pizza|horoscope|translate|girlfriend|boyfriend|birthday|vacation|traffic)\b/;
const ADVICE =
  /\b(?:should i|should we|(?:will|would|could|can|do) (?:i|we) (?:lose|make) money|make money|would you|what would you do|worth (?:buying|adding|owning)|good time to|rotate into|rotating into|load(?:ing)? up|go long|going long|buy the dip|add to my|buy|buying|sell|selling|shorting|invest in|put my|my portfolio|my 401k|retire|retirement|price target|all in|cut (?:my|your|our) losses|recommend|recommendation|recommendations|fund managers?|advisors?|stock picks?|tips|options? trade|calls|puts)\b/;
/** The Fed's people and proceedings: the bot reports market-implied rate odds, not who sits on the FOMC. */
const FED_PEOPLE =
  /\bwho(?:'s| is| will be| gets| becomes)\b.*\b(?:fed|fomc|chair)\b|\bfed chair(?:man|woman)?\b|\bchair of the fed\b|\b(?:fed|fomc) (?:minutes|governors?|nominees?)\b|\bwhen (?:are|do|does) the minutes\b/;
const OTHER_CENTRAL_BANKS = /\b(?:ecb|boe|boj|pboc|rba|boc|snb|bank of (?:england|japan|canada)|european central bank)\b/;
/** Market hours and holidays: the bot reports performance, not the exchange calendar. */
const MARKET_HOURS =
  /\b(?:is|are|will|when|what time)(?: the)? (?:markets?|stock market|nyse|exchanges?)(?: be)? (?:open|closed|opening|closing)\b|\bwhat time\b|\b(?:trading|market) hours\b|\bhalf day\b/;
const OTHER_ASSETS =
  /\b(?:bitcoin|btc|crypto|ethereum|eth|dogecoin|gold|oil|silver|forex|tesla|apple|nvidia|amazon|microsoft|google|meta|netflix|gamestop|real estate|housing|mortgage)\b/;

/** Upper-case tickers and abbreviations this bot knows; any other looks like a single stock. */
const KNOWN_CAPS = new Set([
  'IWM', 'SPY', 'QQQ', 'IJR', 'MDY', 'RSP', 'RUT', 'SPX', 'NDX', 'R2K', 'IWN', 'IWO', 'GSPC', 'FOMC', 'FED', 'EPS', 'YTD',
  'ETF', 'ETFS', 'EV', 'EBITDA', 'PE', 'CME', 'US', 'USA', 'AI', 'OK', 'TLDR', 'NTM', 'YOY', 'BPS', 'BP', 'MTD', 'WTD',
  'EOY', 'ASAP', 'LOL', 'PLS', 'PLZ', 'THX', 'FYI', 'IMO', 'TBH', 'NYSE', 'CPI', 'GDP', 'EFFR', 'FFR', 'SP', 'SMID', 'LSEG', 'BOA',
  'NYFED', 'FRED', 'AM', 'PM', 'EST', 'ET', 'UTC', 'IIRC', 'OMG', 'HI', 'HEY', 'MID', 'CAP', 'CAPS', 'P/E', 'Q1', 'Q2', 'Q3', 'Q4',
]);

/** Words people shout in capitals that are not tickers. */
const SHOUTED_WORDS = new Set(
  ('how what why who when where which the and are is did do does you me my pls now any can has have was were not all new out up ' +
    'down big low high vs or of to in on by for so it if wow yes no wtf bro hey yo hi rate rates cut cuts hike data help chart ' +
    'odds quick small large caps cap this that week month year today still just again really very much more less fed').split(' ').map((w) => w.toUpperCase()),
);

/** Tickers written as $ABC or ABC (in otherwise mixed-case text) that the bot does not cover. */
export function unknownTickers(raw: string): string[] {
  const dollar = [...raw.matchAll(/\$([A-Za-z]{1,5})\b/g)].map((m) => (m[1] ?? '').toUpperCase());
  const letters = raw.replace(/<[^>]*>/g, '').replace(/[^A-Za-z]/g, '');
  const mostlyUpper = letters.length > 0 && letters.replace(/[^A-Z]/g, '').length / letters.length > 0.6;
  const bare = mostlyUpper ? [] : [...raw.matchAll(/\b([A-Z]{2,5})\b/g)].map((m) => m[1] ?? '');
  return [...dollar, ...bare].filter((t) => t && !KNOWN_CAPS.has(t) && !SHOUTED_WORDS.has(t) && !isBenchmark(t));
}

/** Tickers the benchmark tables know (RTY, ES, NQ, ...) are the bot's own subject. */
function isBenchmark(ticker: string): boolean {
  const t = ticker.toLowerCase();
  return extractVs(t) !== undefined || extractSmall(t) !== undefined;
}

/** A short reason when the text looks off-topic, else null. */
export function offTopicReason(text: string, raw: string): string | null {
  if (SMALL_TALK.test(text)) return 'small talk';
  if (ADVICE.test(text)) return 'investment advice';
  if (MARKET_HOURS.test(text)) return 'market hours';
  if (OTHER_CENTRAL_BANKS.test(text)) return 'a central bank other than the Fed';
  if (FED_PEOPLE.test(text)) return "the Fed's people and proceedings";
  if (OTHER_ASSETS.test(text)) return 'an asset this bot does not cover';
  const tickers = unknownTickers(raw);
  if (tickers.length > 0) return `a ticker this bot does not cover (${tickers.join(', ')})`;
  return null;
}
