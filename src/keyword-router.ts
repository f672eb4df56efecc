/** Simple keyword routing of free questions; a stand-in for the NLU parser. */
import type { CommandDecl } from './command.ts';

export interface Understood {
  command: string | null;
  options: Record<string, string>;
  confidence: number;
  notes: string[];
  suggestions: string[];
}

export type Understand = (text: string, now: Date) => Understood;

export function keywordRouter(commands: readonly CommandDecl[]): Understand {
  return (text) => {
    const words = text.toLowerCase().replace(/<[@#!][^>]*>/g, ' ').split(/[^a-z0-9&/]+/).filter(Boolean);
    let best: { name: string; hits: number } | null = null;
    for (const c of commands) {
      const hits = words.filter((w) => w === c.name || (c.keywords ?? []).includes(w)).length;
      if (hits > 0 && (!best || hits > best.hits)) best = { name: c.name, hits };
    }
    return {
      command: best?.name ?? null,
      options: {},
      confidence: best ? Math.min(0.5 + 0.2 * best.hits, 0.9) : 0.1,
      notes: [],
      suggestions: ['performance 1m', 'valuation', 'ratecuts'],
    };
  };
}
