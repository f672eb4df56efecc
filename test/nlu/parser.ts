/** The question parser as the bot builds it: from the real command declarations. */
import { allCommands } from '../../commands/index.ts';
import { parseQuestion as parse, type ParsedQuestion } from '../../src/nlu/parse.ts';
import { buildVocabulary } from '../../src/nlu/vocabulary.ts';

export const vocabulary = buildVocabulary(allCommands);

export function parseQuestion(text: string, now: Date): ParsedQuestion {
  return parse(text, now, vocabulary);
}
