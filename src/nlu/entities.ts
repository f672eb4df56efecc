/** Entities a command can use, pulled from one question's normalised text; a command takes those its options are named for. */
import { extractSmall, extractVs } from './benchmarks.ts';
import { extractMeeting } from './meetings.ts';
import { extractPeriod } from './periods.ts';
import type { Vocabulary } from './vocabulary.ts';

export interface Entities {
  period?: string;
  vs?: string;
  small?: string;
  meeting?: string;
  by?: string;
}

/** What is compared: the period, the large-cap benchmark and the small-cap side. */
const SUBJECT_KEYS: readonly string[] = ['period', 'vs', 'small'];
const MEETING_KEYS: readonly string[] = ['meeting', 'by'];

export function isEntityKey(name: string): name is keyof Entities {
  return SUBJECT_KEYS.includes(name) || MEETING_KEYS.includes(name);
}

/** True when the command has an option for a period or benchmark, which makes named ones evidence for it. */
export function takesSubject(command: string, vocabulary: Vocabulary): boolean {
  return (vocabulary.options.get(command) ?? []).some((o) => SUBJECT_KEYS.includes(o));
}

/** The command a question naming only a subject ("russell vs nasdaq this week") asks for: the first taking one that refines none. */
export function subjectCommand(vocabulary: Vocabulary): string | undefined {
  return vocabulary.intents.find((c) => takesSubject(c, vocabulary) && !vocabulary.refines.has(c));
}

export function performanceEntities(text: string, now: Date): Entities {
  const out: Entities = {};
  const period = extractPeriod(text, now);
  const vs = extractVs(text);
  const small = extractSmall(text);
  if (period) out.period = period;
  if (vs) out.vs = vs;
  if (small) out.small = small;
  return out;
}

/** Entities for the command (or, when nothing was understood, everything recognisable for the "understood" reply). */
export function extractEntities(text: string, command: string | null, now: Date, vocabulary: Vocabulary): Entities {
  if (command === null) return performanceEntities(text, now);
  const takes = vocabulary.options.get(command) ?? [];
  if (takes.some((o) => MEETING_KEYS.includes(o))) return extractMeeting(text, now);
  if (takes.some((o) => SUBJECT_KEYS.includes(o))) return performanceEntities(text, now);
  return {};
}

/** The declared command a help question names ("help with rate cuts"), other than the one asked. */
export function commandNamed(text: string, asked: string, vocabulary: Vocabulary): string | undefined {
  const names = new Set(vocabulary.commands.filter((c) => c !== asked));
  const words = text.split(' ');
  for (const [i, word] of words.entries()) {
    const joined = `${word}${words[i + 1] ?? ''}`;
    for (const name of [word, word.replace(/s$/, ''), joined]) if (names.has(name)) return name;
  }
  return undefined;
}
