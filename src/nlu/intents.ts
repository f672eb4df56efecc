/** Intent evidence: phrase patterns with weights, summed per command (each pattern counts once). */

export const INTENTS = ['performance', 'valuation', 'earnings', 'ratecuts', 'digest', 'sources', 'help', 'chart'] as const;
export type Intent = (typeof INTENTS)[number];

interface Rule {
  intent: Intent;
  pattern: RegExp;
  weight: number;
  /** Wording any question may use ("how did X do", "up", "vs"); it counts only when no other topic is named. */
  generic?: boolean;
}

const MONTH_NAMES = 'january|february|march|april|may|june|july|august|september|october|november|december';

// "small cap value" / "russell 2000 growth" name funds, not valuation or earnings questions.
const NOT_STYLE = String.raw`(?<!caps? |2000 |russell |small )`;

const RULES: Rule[] = [
  { intent: 'performance', weight: 1.0, pattern: /\b(?:out|under)?perform(?:ance|ances|ing|ed|s|ers?)?\b/ },
  { intent: 'performance', weight: 0.9, pattern: /\breturn(?:s|ed|ing)?\b|\byear to date\b|\bytd\b/ },
  {
    intent: 'performance',
    weight: 0.8,
    generic: true,
    pattern:
      /\bhow\b(?:\s+\S+){1,6}?\s+(?:do|doing|done|fare|fared|faring|go|going|gone|held up|holding up|hold up|trade|trading|traded|look|looking|gain|gained|move|moved|rise|rose|fall|fell|close|closed|finish|finished|end|ended)\b/,
  },
  {
    intent: 'performance',
    weight: 0.55,
    generic: true,
    pattern:
      /\b(?:gains?|gained|lost|loss|losses|losing|rall(?:y|ied|ies|ying)|beat(?:en|ing|s)?|lag(?:s|ged|ging)?|trail(?:s|ed|ing)?|leading|led|ahead|behind|outpac\w*|up|down|rise|rose|risen|fell|fallen|drop(?:ped|s)?|jump(?:ed)?|surg(?:e|ed)|slump(?:ed)?|tank(?:ed|ing|s)?|moved?|moves|crush(?:ed|ing)|smok(?:ed|ing)|cooked|hammer(?:ed|ing)|kill(?:ed|ing)|wreck(?:ed|ing)|rekt|bleed(?:ing|s)?|bled|rip(?:s|ped|ping)?|moon(?:ed|ing)?|pump(?:ed|ing)?|dump(?:ed|ing)?|puk(?:e|ed|ing)|sell ?off|sold off|selling off|melt(?:ed|ing)? up|squeez(?:e|ed|ing)|crater(?:ed|ing)?|plung(?:e|ed|ing)|soar(?:ed|ing)?|spik(?:e|ed|ing)|popp(?:ed|ing)|bounc(?:e|ed|ing)|sank|sink(?:ing)?|slid|slid(?:e|ing)|climb(?:ed|ing)?|green|red|bid|catching a bid|win|wins|won|winning|winners?|better|worse|best|worst|change|changed|catch(?:ing)? up|keep(?:ing)? up|kept up|momentum|leadership|rotation|on a tear)\b/,
  },
  { intent: 'performance', weight: 0.25, generic: true, pattern: /\b(?:relative|spread|head to head|compared?|comparison|vs|versus|against)\b/ },

  {
    intent: 'valuation',
    weight: 1.0,
    pattern:
      /\b(?:valuations?|valued|valuing|overvalued|undervalued|cheap(?:er|est|ness|ly)?|expensive|pric(?:ey|ier|iest)|richer|bargains?|stretched|multiples?|p\/es?|pe|pes|ev\/ebitda|ebitda)\b/,
  },
  { intent: 'valuation', weight: 1.5, pattern: /\b(?:price to earnings|pe ratio|earnings multiples?|earnings yield|forward pe|forward earnings|ev to ebitda)\b/ },
  { intent: 'valuation', weight: 0.6, pattern: /\btrad(?:e|es|ing) (?:at|on)\b/ },
  { intent: 'valuation', weight: 0.6, pattern: new RegExp(String.raw`\b(?:discount|premium|fair value|rich|mean reversion|${NOT_STYLE}value)\b`) },

  { intent: 'earnings', weight: 1.0, pattern: /(?<!price to |forward )\bearnings\b(?! multiples?\b| yield\b)/ },
  {
    intent: 'earnings',
    weight: 0.9,
    pattern: /\b(?:eps|(?:un)?profit(?:s|able|ability)?|loss making|money losing|(?<!\b(?:i|we|you|u)\s)los(?:e|es|ing) money|negative earners|zombies?|revenues?|sales|margins?|bottom line|top line|net income|guidance|(?:reporting|earnings) season)\b/,
  },
  { intent: 'earnings', weight: 0.5, pattern: new RegExp(String.raw`${NOT_STYLE}\bgrowth\b`) },
  { intent: 'earnings', weight: 0.35, generic: true, pattern: /\b(?:estimates?|forecasts?|projected|projections?|outlook)\b/ },

  { intent: 'ratecuts', weight: 0.4, pattern: /\b(?:cuts?|cutting)\b/ },
  // "cut" is a rate cut when it is counted, dated or done by the Fed ("cut the crap" is not).
  {
    intent: 'ratecuts',
    weight: 0.6,
    pattern:
      new RegExp(
        String.raw`\b(?:rate ?cuts?|ratecuts?|cutting rates|cuts? rates|cut odds)\b|\b(?:a|any|another|more|many|much|fewer|no|one|two|three|four|\d+|\d+ ?bps?|jumbo|first|next|${MONTH_NAMES})\s+cuts?\b` +
          String.raw`|\b(?:cuts?|cutting)\s+(?:in|at|by|this|next|before|priced|expected|coming|odds|${MONTH_NAMES})\b|\b(?:fed|fomc|powell|they|to|they're|theyre|will they|start|keep|stop)\s+(?:cuts?|cutting)\b`,
      ),
  },
  { intent: 'ratecuts', weight: 1.0, pattern: /\brates? (?:come|coming|go|going|move|moving|head|heading|fall|falling) (?:down|lower)\b|\blower rates\b|\brate relief\b/ },
  { intent: 'ratecuts', weight: 1.0, pattern: /\b(?:fed|feds|fomc|fedwatch|powell|federal reserve|fed funds|ffr|effr|central bank)\b/ },
  { intent: 'ratecuts', weight: 0.8, pattern: /\b(?:hikes?|hiking|easing|ease|bps|basis points?|dovish|hawkish|pivot|rate decision|rate path)\b/ },
  { intent: 'ratecuts', weight: 0.6, pattern: /\b(?:interest rates?|rates?)\b/ },
  { intent: 'ratecuts', weight: 0.5, pattern: /\bmeetings?\b/ },
  { intent: 'ratecuts', weight: 0.5, pattern: /\b(?:hold|holds|pause|pauses|skip)\b(?! up)/ },
  { intent: 'ratecuts', weight: 0.3, generic: true, pattern: /\b(?:odds|probabilit(?:y|ies)|chances?|likelihood|priced(?: in)?)\b/ },

  {
    intent: 'digest',
    weight: 1.0,
    pattern: /\b(?:digest|recap|summary|summari[sz]e|rundown|run down|overview|briefing|brief|tldr|wrap(?: up)?|round ?up|highlights)\b/,
  },
  { intent: 'digest', weight: 0.9, pattern: /\b(?:catch me up|what did i miss|big picture|morning note|daily note|daily update|market update|everything)\b/ },
  { intent: 'digest', weight: 0.6, pattern: /\bwhat(?:'s| is| are)? (?:happening|going on|new|the latest)\b/ },
  { intent: 'digest', weight: 0.4, generic: true, pattern: /\b(?:update|latest)\b/ },

  { intent: 'sources', weight: 1.0, pattern: /\b(?:sources?|sourced|citations?|cite|provenance|attribution)\b/ },
  { intent: 'sources', weight: 1.0, pattern: /\b(?:data|your|the|what|which) sources?\b|\bsources? (?:do|did) you\b/ },
  {
    intent: 'sources',
    weight: 1.5,
    pattern: /\bdata\b.*\b(?:live|delayed|real ?time|fresh|current|stale|updated|accurate|reliable)\b|\b(?:live|delayed|real ?time)\b.*\bdata\b/,
  },
  {
    intent: 'sources',
    weight: 1.8,
    pattern: /\bwhere(?:'s| (?:do|does|did|are|is))?\b.*\b(?:data|numbers|figures|stats|info|information|get|come|comes|pull)\b|\b(?:data|numbers|figures|stats|info|quotes|odds)\b.*\b(?:come|comes|coming) from\b/,
  },
  { intent: 'sources', weight: 1.8, pattern: /\b(?:data providers?|who provides|provided by|how fresh|stale|how old is|how current)\b/ },

  { intent: 'help', weight: 1.0, pattern: /\bhelp\b/ },
  { intent: 'help', weight: 1.0, pattern: /^(?:help|usage)(?: (?:with|on|for))?(?: the)?(?: [a-z]+)?(?: command)?$/ },
  { intent: 'help', weight: 1.8, pattern: /\bcommands?\b/ },
  {
    intent: 'help',
    weight: 0.9,
    pattern:
      /\b(?:what (?:can|do|does|else can) (?:you|this bot|the bot|this thing|capwatch|it) do|how (?:do|does|can|should) (?:i|we|you|this|it|the bot|this bot|this thing)(?: \w+)? (?:use|work)|how to use|usage|syntax|capabilities|who are you|what are you)\b|\bwhat (?:questions |things |stuff |else )?(?:can|should|do) i (?:ask|say|type)(?: (?:you|the bot|this bot|capwatch|it|here))?$|\bwhat (?:do|can) you (?:know|cover|support|answer)$/,
  },
  { intent: 'help', weight: 2.0, pattern: /\b(?:subscribe|unsubscribe|subscriptions?|sign up|stop sending|turn off)\b/ },

  {
    intent: 'chart',
    weight: 1.3,
    pattern: /\b(?:charts?|charting|charted|plot|plots|plotted|plotting|graphs?|graphed|visuali[sz]e|visuals?|viz|draw|picture|pics?|image|img|screenshot|diagram|sparkline)\b|(?<!bottom |top |command )\blines?\b/,
  },
];

export interface IntentScore {
  intent: Intent;
  score: number;
  /** The part of the score from topic words rather than generic wording. */
  specific: number;
}

/** Every intent with evidence in the text, strongest first. */
export function scoreIntents(text: string): IntentScore[] {
  const specific = new Map<Intent, number>();
  const generic = new Map<Intent, number>();
  for (const rule of RULES) {
    if (!rule.pattern.test(text)) continue;
    const into = rule.generic ? generic : specific;
    into.set(rule.intent, (into.get(rule.intent) ?? 0) + rule.weight);
  }
  const scores = new Map(specific);
  for (const [intent, weight] of generic) {
    const otherTopic = [...specific].some(([other, score]) => other !== intent && score >= 0.9);
    if (!otherTopic) scores.set(intent, (scores.get(intent) ?? 0) + weight);
  }
  return [...scores.entries()]
    .map(([intent, score]) => ({ intent, score, specific: specific.get(intent) ?? 0 }))
    .sort((a, b) => b.score - a.score || INTENTS.indexOf(a.intent) - INTENTS.indexOf(b.intent));
}

/** Single words the patterns look for, used to correct one-letter typos. */
export const INTENT_WORDS: readonly string[] = [
  'performance', 'performing', 'performed', 'outperform', 'outperforming', 'underperform', 'underperforming',
  'returns', 'return', 'returned', 'rallied', 'trailing', 'lagging', 'behind', 'gained',
  'valuation', 'valuations', 'valued', 'overvalued', 'undervalued', 'cheap', 'cheaper', 'cheapest',
  'expensive', 'pricey', 'pricier', 'multiple', 'multiples', 'ebitda', 'discount', 'premium', 'stretched', 'bargain',
  'earnings', 'profits', 'profit', 'revenue', 'revenues', 'margins', 'growth', 'guidance', 'estimates', 'forecast',
  'cutting', 'federal', 'reserve', 'fedwatch', 'powell', 'hikes', 'hiking', 'easing', 'basis', 'points', 'dovish',
  'hawkish', 'interest', 'rates', 'meeting', 'meetings', 'probability', 'chances', 'likelihood', 'priced',
  'digest', 'recap', 'summary', 'summarize', 'summarise', 'rundown', 'overview', 'briefing', 'highlights', 'update', 'latest',
  'sources', 'source', 'citation', 'citations', 'provenance', 'provides',
  'help', 'rate', 'cuts', 'hike', 'plot', 'commands', 'command', 'usage', 'instructions', 'subscribe', 'unsubscribe', 'subscription',
  'chart', 'charts', 'graph', 'graphs', 'plotted', 'visualize', 'visualise', 'picture', 'diagram',
];
