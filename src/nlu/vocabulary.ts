/** The parser's vocabulary, built from the command declarations it is given plus the words every question shares. */
import type { CommandDecl, Phrase } from '../command.ts';
import { BENCHMARK_WORDS } from './benchmarks.ts';

/** What the parser reads from a declaration. */
export type Declared = Pick<CommandDecl, 'name' | 'options' | 'questions'>;

export interface Rule extends Phrase {
  intent: string;
}

export interface Vocabulary {
  /** Commands a question can ask for, in declaration order (which breaks ties). */
  intents: readonly string[];
  rules: readonly Rule[];
  /** Words worth correcting when misspelt by one letter. */
  words: ReadonlySet<string>;
  /** Each command's declared option names, in order. */
  options: ReadonlyMap<string, readonly string[]>;
  /** Command -> the command its questions narrow (see QuestionWords.refines). */
  refines: ReadonlyMap<string, string>;
  /** Every declared command name, questions or not: what a help question may be about. */
  commands: readonly string[];
  /** Command lines offered when a question is not understood. */
  offers: readonly string[];
}

const PERIOD_WORDS = ['today', 'yesterday', 'week', 'weeks', 'month', 'months', 'years', 'quarter', 'decade', 'since', 'during'];
const MONTHS = [
  'january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
];
const MARKET_WORDS = ['caps', 'stocks', 'market', 'markets', 'equities', 'index', 'benchmark'];

export function buildVocabulary(commands: readonly Declared[]): Vocabulary {
  const asked = commands.flatMap((c) => (c.questions ? [{ name: c.name, questions: c.questions }] : []));
  return {
    intents: asked.map((c) => c.name),
    rules: asked.flatMap((c) => c.questions.phrases.map((p) => ({ ...p, intent: c.name }))),
    words: new Set([...asked.flatMap((c) => c.questions.words), ...BENCHMARK_WORDS, ...PERIOD_WORDS, ...MONTHS, ...MARKET_WORDS]),
    options: new Map(commands.map((c) => [c.name, c.options.map((o) => o.name)])),
    refines: new Map(asked.flatMap((c): [string, string][] => (c.questions.refines ? [[c.name, c.questions.refines]] : []))),
    commands: commands.map((c) => c.name),
    offers: asked.flatMap((c) => (c.questions.offer ? [c.questions.offer] : [])),
  };
}
