/** The router's contract, used by every adapter. Implementation in bot.ts. */
import type { Actor, CommandDecl, Invocation } from './command.ts';
import type { Reply } from './reply.ts';

export interface AskResult {
  invocation: Invocation | null;
  /** What the question parser understood, even when no invocation could be built from it. */
  understood?: { command: string | null; options: Record<string, string> };
  confidence: number;
  entities?: Entities;
  reply: Reply;
}

export interface Bot {
  readonly commands: readonly CommandDecl[];
  /** Parses a command line such as "performance 1m vs:nasdaq" (a leading "/smallcaps" is accepted). Throws InputError. */
  parse(line: string, via?: Invocation['via'], actor?: Actor): Invocation;
  /** Builds an Invocation from already-typed options (Discord/Slack); validates them. Throws InputError. */
  invocation(command: string, options: Record<string, string | undefined>, via: Invocation['via'], actor?: Actor): Invocation;
  /** Runs an invocation. Never throws: bad input and failures become friendly ephemeral replies. */
  handle(inv: Invocation): Promise<Reply>;
  /** Parses a command line and runs it; never throws. */
  run(line: string, via?: Invocation['via'], actor?: Actor): Promise<Reply>;
  /** Answers a free question (mention). Never throws. */
  ask(text: string, actor?: Actor): Promise<AskResult>;
}

import type { Entities } from './nlu/entities.ts';

export type { Entities };

/** A free question as understood by the NLU. */
export interface Understood {
  command: string | null;
  options: Record<string, string>;
  confidence: number;
  notes: string[];
  suggestions: string[];
  entities?: Entities;
}

export type Understand = (text: string, now: Date) => Understood;
