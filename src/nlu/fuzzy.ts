/** One-letter typo tolerance for keywords: "russel" -> "russell", "valuaton" -> "valuation". */

/** True when a and b differ by at most one insertion, deletion, substitution or swap of neighbours. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swap
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** Shorter words have too many one-edit neighbours to correct anything but a swap. */
const MIN_LENGTH = 5;

/** Real words one edit away from a keyword; never "corrected". */
const PROTECTED = new Set([
  'dates', 'data', 'later', 'rated', 'rater', 'share', 'shart', 'fares', 'cute', 'cuter', 'hikers',
  'chant', 'chat', 'heart', 'plots', 'spread', 'sources', 'course', 'source', 'prices', 'price', 'smell',
  'mall', 'stall', 'still', 'value', 'valued', 'return', 'returns', 'where', 'there', 'these', 'those',
  'month', 'months', 'weeks', 'years', 'today', 'cheat', 'cheaper', 'learning', 'yearning',
  'russ', 'graphs', 'charts', 'helps', 'helped', 'digests', 'summer', 'number', 'numbers', 'member',
  'market', 'markets', 'marker', 'nasty', 'stock', 'catch', 'match', 'watch', 'eight', 'height',
  'likes', 'eating', 'weigh', 'rained', 'points', 'pints', 'grape', 'start', 'smart', 'putting', 'getting',
]);

/** The keyword the token was meant to be, or the token itself. */
export function correctToken(token: string, vocabulary: ReadonlySet<string>): string {
  if (token.length < 4 || vocabulary.has(token) || PROTECTED.has(token) || /\d/.test(token)) return token;
  for (const word of vocabulary) {
    if (token.length >= MIN_LENGTH ? withinOneEdit(token, word) : isSwap(token, word)) return word;
  }
  // Doubled letters are the commonest slip on top of another ("russle", "comitee"): compare with them single.
  if (token.length >= MIN_LENGTH + 1) {
    const single = undouble(token);
    for (const word of vocabulary) {
      if (word[0] === token[0] && word.length >= MIN_LENGTH + 1 && withinOneEdit(single, undouble(word))) return word;
    }
  }
  return token;
}

function undouble(word: string): string {
  return word.replace(/(.)\1+/g, '$1');
}

/** Four-letter words only forgive swapped neighbours ("hepl"), which rarely makes another word. */
function isSwap(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  const diff = [...a].flatMap((ch, i) => (ch === b[i] ? [] : [i]));
  const [i, j] = diff;
  return diff.length === 2 && i !== undefined && j === i + 1 && a[i] === b[j] && a[j] === b[i];
}
