/** Which intent a question has and how sure the parser is (0..1). */
import { extractSmall, extractVs } from './benchmarks.ts';
import { performanceEntities, subjectCommand, takesSubject } from './entities.ts';
import { scoreIntents } from './intents.ts';
import type { IntentScore } from './intents.ts';
import { offTopicReason } from './off-topic.ts';
import type { Vocabulary } from './vocabulary.ts';

const EVIDENCE_PER_ENTITY = 0.35;

/** Small caps, large caps, indexes: the bot's subject, which makes a weak intent more believable. */
const DOMAIN = /\b(?:small (?:vs|or|and|versus) large|small ?caps?|smallcaps?|smids?|smid ?caps?|caps|large ?caps?|big ?caps?|mega ?caps?|mid ?caps?|russell|iwm|ijr|rut|r2k|s&p|spy|spx|qqq|nasdaq|markets?|stocks|equities|indexe?s|etfs?)\b/;

/** Turns summed evidence into 0..1: one strong keyword is about 0.8, two about 0.97. */
function strength(score: number): number {
  return 1 - Math.exp(-1.7 * score);
}

export interface Choice {
  intent: string | null;
  score: number;
  rival: number;
  /** True when only generic wording ("how did X do", "up") or named entities back the intent. */
  genericOnly: boolean;
}

function onSubject(text: string): boolean {
  return DOMAIN.test(text) || extractVs(text) !== undefined || extractSmall(text) !== undefined;
}

/** The weight of generic wording: a subject measured from an event asks how it performed. */
const SUBJECT_SINCE_EVENT = 0.55;

/**
 * "how did small caps do since the fed started cutting", "small caps after the last cut": the
 * since/after clause sets a date, not the topic; a bare subject before it asks for performance.
 */
export function topicScores(text: string, vocabulary: Vocabulary): IntentScore[] {
  const head = /^(.*?)\b(?:since|after|following)\b/.exec(text)?.[1];
  if (!head) return scoreIntents(text, vocabulary);
  const headScores = scoreIntents(head, vocabulary);
  const subjectIntent = subjectCommand(vocabulary);
  const otherTopic = headScores.some((s) => s.intent !== subjectIntent && s.specific >= 0.9);
  if (subjectIntent && onSubject(head) && !otherTopic) {
    const own = headScores.find((s) => s.intent === subjectIntent) ?? { intent: subjectIntent, score: 0, specific: 0 };
    const rest = headScores.filter((s) => s !== own);
    return [{ ...own, score: own.score + SUBJECT_SINCE_EVENT }, ...rest].sort((a, b) => b.score - a.score);
  }
  return headScores.length > 0 ? headScores : scoreIntents(text, vocabulary);
}

/** "chart of how the russell performed" is one chart request: a refining command absorbs the one it refines. */
function mergeRefined(ranked: IntentScore[], vocabulary: Vocabulary): IntentScore[] {
  for (const [narrow, broad] of vocabulary.refines) {
    const own = ranked.find((s) => s.intent === narrow);
    const top = ranked[0];
    if (!own || !top || (top.intent !== narrow && top.intent !== broad)) continue;
    const merged = { intent: narrow, score: Math.max(own.score, top.score), specific: own.specific };
    ranked = [merged, ...ranked.filter((s) => s.intent !== narrow && s.intent !== broad)];
  }
  return ranked;
}

export function choose(scores: IntentScore[], text: string, now: Date, vocabulary: Vocabulary): Choice {
  const ranked = mergeRefined(scores, vocabulary);
  const top = ranked[0];
  const strongOther = top !== undefined && !takesSubject(top.intent, vocabulary) && top.score >= 0.9;
  // Named periods and benchmarks are evidence for the commands that take them unless another topic is clear.
  const evidence = strongOther ? 0 : Math.min(0.7, EVIDENCE_PER_ENTITY * Object.keys(performanceEntities(text, now)).length);
  const subjectIntent = subjectCommand(vocabulary);
  if (!top || top.score < 0.3) {
    if (evidence === 0 || !subjectIntent) return { intent: top?.intent ?? null, score: top?.score ?? 0, rival: 0, genericOnly: true };
    return { intent: subjectIntent, score: evidence + (top?.intent === subjectIntent ? top.score : 0), rival: 0, genericOnly: true };
  }
  const boost = takesSubject(top.intent, vocabulary) ? evidence : 0;
  return { intent: top.intent, score: top.score + boost, rival: ranked[1]?.score ?? 0, genericOnly: top.specific === 0 };
}

export function confidenceOf(choice: Choice, text: string, raw: string): { confidence: number; offTopic: string | null } {
  const offTopic = offTopicReason(text, raw);
  const subject = onSubject(text);
  if (!choice.intent) return { confidence: offTopic ? 0.02 : subject ? 0.25 : 0.08, offTopic };
  let c = strength(choice.score);
  if (choice.rival > 0) c *= 1 - 0.6 * Math.min(1, choice.rival / choice.score);
  if (subject) c += 0.08;
  else if (choice.genericOnly) c *= 0.5;
  if (offTopic) c *= 0.35;
  return { confidence: Math.round(Math.min(0.98, Math.max(0, c)) * 100) / 100, offTopic };
}
