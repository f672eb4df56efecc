/** A mention question -> command, options, confidence, and what to say when unsure. */
import { choose, confidenceOf, topicScores } from './confidence.ts';
import { commandNamed, extractEntities } from './entities.ts';
import type { Entities } from './entities.ts';
import { cleanText } from './normalise.ts';
import { questionGroups } from './segments.ts';
import { describeUnderstanding, optionsFor, suggestCommands } from './suggest.ts';
import { buildVocabulary, type Declared, type Vocabulary } from './vocabulary.ts';

export interface ParsedQuestion {
  /** A command that declares questions; null when not understood. */
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

export type QuestionParser = (text: string, now: Date) => ParsedQuestion;

export const CONFIDENCE_THRESHOLD = 0.5;

/** The parser for these commands: their declared questions are its intents, their options the entities it fills. */
export function createQuestionParser(commands: readonly Declared[]): QuestionParser {
  const vocabulary = buildVocabulary(commands);
  return (text, now) => parseQuestion(text, now, vocabulary);
}

export function parseQuestion(text: string, now: Date, vocabulary: Vocabulary): ParsedQuestion {
  const groups = questionGroups(cleanText(text), now, vocabulary);
  const answerable = groups.findIndex((g) => topicScores(g, vocabulary).length > 0);
  const mainIndex = answerable >= 0 ? answerable : 0;
  const main = groups[mainIndex] ?? '';

  const scores = topicScores(main, vocabulary);
  const choice = choose(scores, main, now, vocabulary);
  const { confidence, offTopic } = confidenceOf(choice, main, text);
  const entities = extractEntities(main, choice.intent, now, vocabulary);
  const options = choice.intent ? optionsFor(choice.intent, entities, vocabulary) : {};
  // A command taking a `command` option (help) is told which declared command the question names.
  if (choice.intent && vocabulary.options.get(choice.intent)?.includes('command')) {
    const named = commandNamed(main, choice.intent, vocabulary);
    if (named) options.command = named;
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

  const candidates = choice.intent && !offTopic ? [choice.intent, ...scores.map((s) => s.intent)] : [];
  return {
    command: choice.intent,
    options,
    confidence,
    entities,
    notes,
    suggestions: understood ? [] : suggestCommands(candidates, entities, vocabulary),
  };
}
