/** Scores the parser against the evaluation set: accuracy per intent and per entity type. */
import { CONFIDENCE_THRESHOLD } from '../../src/nlu/parse.ts';
import type { ParsedQuestion } from '../../src/nlu/parse.ts';
import type { Entities } from '../../src/nlu/entities.ts';
import { parseQuestion } from './parser.ts';
import type { EvalQuestion } from './questions.ts';

export const ENTITY_TYPES = ['period', 'vs', 'small', 'meeting', 'by'] as const satisfies readonly (keyof Entities)[];

export interface Tally {
  correct: number;
  total: number;
}

export interface Miss {
  text: string;
  expected: string;
  got: string;
}

export interface EvalResult {
  intent: Tally;
  perIntent: Record<string, Tally>;
  perEntity: Record<string, Tally>;
  misses: Miss[];
}

/** Answered confidently with the expected command, or (for command null) not answered confidently. */
export function intentCorrect(q: EvalQuestion, p: ParsedQuestion): boolean {
  const confident = p.confidence >= CONFIDENCE_THRESHOLD;
  return q.command === null ? !confident || p.command === null : confident && p.command === q.command;
}

function bump(map: Record<string, Tally>, key: string, ok: boolean): void {
  const t = (map[key] ??= { correct: 0, total: 0 });
  t.total += 1;
  if (ok) t.correct += 1;
}

/**
 * Entities count where the question names one or the parser claims one (a false find is a miss),
 * among questions answered with their expected command.
 */
export function evaluate(questions: EvalQuestion[], now: Date): EvalResult {
  const result: EvalResult = { intent: { correct: 0, total: 0 }, perIntent: {}, perEntity: {}, misses: [] };
  for (const q of questions) {
    const p = parseQuestion(q.text, now);
    const ok = intentCorrect(q, p);
    result.intent.total += 1;
    if (ok) result.intent.correct += 1;
    bump(result.perIntent, q.command ?? '(not answered)', ok);
    if (!ok) result.misses.push({ text: q.text, expected: q.command ?? 'low confidence', got: `${p.command} @ ${p.confidence}` });
    if (q.command === null) continue;
    for (const type of ENTITY_TYPES) {
      const want = q.entities?.[type];
      const got = p.entities[type];
      if (want === undefined && got === undefined) continue;
      bump(result.perEntity, type, want === got);
      if (want !== got) result.misses.push({ text: q.text, expected: `${type}=${want}`, got: `${type}=${got}` });
    }
  }
  return result;
}

export function rate(t: Tally): number {
  return t.total === 0 ? 1 : t.correct / t.total;
}
