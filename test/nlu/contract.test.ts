/** The parser's output must be accepted by the real command declarations, as the bot will use it. */
import { describe, it, expect } from 'vitest';
import { allCommands } from '../../commands/index.ts';
import { buildInvocation, findCommand, parseLine } from '../../src/parse-line.ts';
import { CONFIDENCE_THRESHOLD } from '../../src/nlu/parse.ts';
import { parseQuestion } from './parser.ts';
import { FRESH } from './fresh.ts';
import { FRESH2 } from './fresh2.ts';
import { HOLDOUT } from './holdout.ts';
import { EVAL_NOW, QUESTIONS } from './questions.ts';

const all = [...QUESTIONS, ...HOLDOUT, ...FRESH, ...FRESH2];

describe('parser output against the command declarations', () => {
  it('answers only with commands that declare questions', () => {
    const asked = new Set(allCommands.filter((c) => c.questions).map((c) => c.name));
    for (const q of all) {
      const { command } = parseQuestion(q.text, EVAL_NOW);
      if (command !== null) expect(asked, q.text).toContain(command);
    }
  });

  it('gives options every command accepts', () => {
    for (const q of all) {
      const p = parseQuestion(q.text, EVAL_NOW);
      if (!p.command || p.confidence < CONFIDENCE_THRESHOLD) continue;
      const inv = buildInvocation(findCommand(allCommands, p.command), p.options, 'mention');
      for (const [key, value] of Object.entries(p.options)) expect(inv.options[key], `${q.text} ${key}`).toBe(value);
    }
  });

  it('suggests command lines that parse as typed', () => {
    const lines = new Set<string>();
    for (const q of all) for (const s of parseQuestion(q.text, EVAL_NOW).suggestions) lines.add(s);
    for (const s of parseQuestion('russell valuation chart help this week', EVAL_NOW).suggestions) lines.add(s);
    expect(lines.size).toBeGreaterThanOrEqual(3);
    for (const line of lines) expect(() => parseLine(allCommands, line, 'cli'), line).not.toThrow();
  });
});
