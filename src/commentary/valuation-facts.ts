/** The valuation answer's sentences, from the computed result: live trailing gap first, then published figures. */
import type { ValuationResult } from '../metrics/valuation.ts';
import { issuerWords } from '../metrics/valuation.ts';
import { evEbitdaSentence, forwardPeSentence, trailingPeSentence } from './valuation.ts';

export function valuationSentences(v: ValuationResult): string[] {
  const t = v.live.trailingPE;
  const p = v.provenance;
  const trailing = t
    ? [
        trailingPeSentence({
          smallLabel: `The ${t.small.index} (${t.small.fund})`,
          largeLabel: `the ${t.large.index} (${t.large.fund})`,
          small: t.small.value,
          large: t.large.value,
          gapPct: t.gapPct,
          sourceWords: issuerWords(t.small),
          history: t.history,
          asOf: t.asOf,
          fresh: !t.stale,
        }),
      ]
    : [];
  return [
    ...trailing,
    forwardPeSentence({ smallLabel: 'The Russell 2000', largeLabel: 'the S&P 500', ...v.forwardPE, fresh: !p.forwardPE.stale }),
    evEbitdaSentence({ ...v.evEbitda, comparedWith: 'the S&P 490 (ex financials)', medianKind: 'published', asOf: p.evEbitda.asOf, fresh: !p.evEbitda.stale }),
  ];
}
