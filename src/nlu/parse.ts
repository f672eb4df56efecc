/** A mention question -> command, options, confidence, and what to say when unsure. */
import { choose, confidenceOf, topicScores } from './confidence.ts';
import { extractEntities, helpTopic } from './entities.ts';
import type { Entities } from './entities.ts';
import { cleanText } from './normalise.ts';
import { questionGroups } from './segments.ts';
import { describeUnderstanding, optionsFor, suggestCommands } from './suggest.ts';

export interface ParsedQuestion {
  /** One of performance valuation earnings ratecuts digest sources help chart; null when not understood. */
  command: string | null;
  /** Canonical option values, only those the text names. */
  options: Record<string, string>;
  /** 0..1; below CONFIDENCE_THRESHOLD the bot answers with what it understood plus suggestions. */
  confidence: number;
  entities: Entities;
  notes: string[];
  /** Two or three exact command lines when confidence is low. */
  suggestions: string[];
}

export const CONFIDENCE_THRESHOLD = 0.5;

export function parseQuestion(text: string, now: Date): ParsedQuestion {
  const groups = questionGroups(cleanText(text), now);
  const answerable = groups.findIndex((g) => topicScores(g).length > 0);
  const mainIndex = answerable >= 0 ? answerable : 0;
  const main = groups[mainIndex] ?? '';

  const choice = choose(topicScores(main), main, now);
  const { confidence, offTopic } = confidenceOf(choice, main, text);
  const entities = extractEntities(main, choice.intent, now);
  const options = choice.intent ? optionsFor(choice.intent, entities) : {};
  if (choice.intent === 'help') {
    const topic = helpTopic(main);
    if (topic) options.command = topic;
  }

  const notes: string[] = [];
  if (groups.length > 1) {
    notes.push(mainIndex === 0
      ? `You asked ${groups.length} questions; this answers the first.`
      : `You asked ${groups.length} questions; this answers the one about ${choice.intent ?? 'the market'}.`);
  }
  const understood = confidence >= CONFIDENCE_THRESHOLD;
  if (!understood && offTopic) notes.push(`That looks like ${offTopic}, which I don't cover.`);
  if (!understood) notes.push(describeUnderstanding(choice.intent, entities));

  const candidates = choice.intent && !offTopic ? [choice.intent, ...topicScores(main).map((s) => s.intent)] : [];
  return {
    command: choice.intent,
    options,
    confidence,
    entities,
    notes,
    suggestions: understood ? [] : suggestCommands(candidates, entities),
  };
}
