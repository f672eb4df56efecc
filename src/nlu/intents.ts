/** Intent evidence: the declared phrases with their weights, summed per command (each phrase counts once). */
import type { Vocabulary } from './vocabulary.ts';

export interface IntentScore {
  /** A declared command name. */
  intent: string;
  score: number;
  /** The part of the score from topic words rather than generic wording. */
  specific: number;
}

/** Every intent with evidence in the text, strongest first. */
export function scoreIntents(text: string, vocabulary: Vocabulary): IntentScore[] {
  const specific = new Map<string, number>();
  const generic = new Map<string, number>();
  for (const rule of vocabulary.rules) {
    if (!rule.pattern.test(text)) continue;
    const into = rule.generic ? generic : specific;
    into.set(rule.intent, (into.get(rule.intent) ?? 0) + rule.weight);
  }
  const scores = new Map(specific);
  for (const [intent, weight] of generic) {
    const otherTopic = [...specific].some(([other, score]) => other !== intent && score >= 0.9);
    if (!otherTopic) scores.set(intent, (scores.get(intent) ?? 0) + weight);
  }
  const order = vocabulary.intents;
  return [...scores.entries()]
    .map(([intent, score]) => ({ intent, score, specific: specific.get(intent) ?? 0 }))
    .sort((a, b) => b.score - a.score || order.indexOf(a.intent) - order.indexOf(b.intent));
}
