/** Exact command lines to offer when a question was not understood well enough to answer. */
import { isEntityKey, type Entities } from './entities.ts';
import type { Vocabulary } from './vocabulary.ts';

/** A text command line: first option positional, the rest key:value (e.g. `performance 1m vs:nasdaq`). */
export function commandLine(command: string, options: Record<string, string>): string {
  const parts = [command];
  Object.entries(options).forEach(([key, value], i) => parts.push(i === 0 ? value : `${key}:${value}`));
  return parts.join(' ');
}

/** Only the entities a command takes, in its declared option order. */
export function optionsFor(command: string, entities: Entities, vocabulary: Vocabulary): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of vocabulary.options.get(command) ?? []) {
    const value = isEntityKey(key) ? entities[key] : undefined;
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** Two or three lines for distinct commands: the best guesses first, then the declared starting points. */
export function suggestCommands(candidates: string[], entities: Entities, vocabulary: Vocabulary): string[] {
  const lines: string[] = [];
  const add = (line: string) => {
    const command = line.split(' ')[0];
    if (!lines.some((l) => l.split(' ')[0] === command)) lines.push(line);
  };
  for (const intent of candidates) add(commandLine(intent, optionsFor(intent, entities, vocabulary)));
  for (const line of vocabulary.offers) add(line);
  return lines.slice(0, 3);
}

const ENTITY_LABELS: Record<keyof Entities, string> = {
  period: 'period',
  vs: 'large-cap benchmark',
  small: 'small-cap side',
  meeting: 'Fed meeting',
  by: 'horizon',
};

/** One sentence saying what the parser understood, for the low-confidence reply. */
export function describeUnderstanding(command: string | null, entities: Entities): string {
  const parts = (Object.keys(ENTITY_LABELS) as (keyof Entities)[])
    .filter((k) => entities[k] !== undefined)
    .map((k) => `${ENTITY_LABELS[k]} ${entities[k]}`);
  const topic = command ? `a ${command} question` : 'no question I can answer';
  return parts.length > 0 ? `I understood ${topic} (${parts.join(', ')}).` : `I understood ${topic}.`;
}
