/** The parser's intents come from the command declarations it is given, and from nowhere else. */
import { describe, it, expect } from 'vitest';
import { allCommands } from '../../commands/index.ts';
import { defineCommand } from '../../src/command.ts';
import { CONFIDENCE_THRESHOLD, createQuestionParser } from '../../src/nlu/parse.ts';
import { errorReply } from '../../src/reply.ts';
import { vocabulary } from './parser.ts';

const now = new Date('2026-11-21T15:00:00Z');

const zorblax = defineCommand({
  name: 'zorblax',
  description: 'A command made up for this test',
  options: [{ name: 'period', description: 'Period' }],
  questions: { phrases: [{ pattern: /\bzorblax(?:es)?\b/, weight: 1.5 }], words: ['zorblax'] },
  async run() {
    return errorReply('Zorblax', 'made up');
  },
});

describe('a parser built from declarations', () => {
  it('understands a word only a declared command knows', () => {
    const parse = createQuestionParser([...allCommands, zorblax]);
    expect(parse('what about the zorblaxes?', now)).toMatchObject({ command: 'zorblax' });
    expect(parse('what about the zorblax?', now).confidence).toBeGreaterThanOrEqual(CONFIDENCE_THRESHOLD);
    expect(parse('what about the zorblex?', now), 'typo corrected to a declared word').toMatchObject({ command: 'zorblax' });
    expect(createQuestionParser(allCommands)('what about the zorblax?', now).command).not.toBe('zorblax');
  });

  it('fills the options the command declares from what the question names', () => {
    const parse = createQuestionParser([zorblax]);
    expect(parse('zorblax over the last 3 months', now)).toMatchObject({ command: 'zorblax', options: { period: '3m' } });
  });

  it('knows no commands when given none', () => {
    const parse = createQuestionParser([]);
    expect(parse('how did small caps do this month', now)).toMatchObject({ command: null });
    expect(parse('are small caps cheap', now).confidence).toBeLessThan(CONFIDENCE_THRESHOLD);
  });
});

describe('the real declarations', () => {
  it('make the commands that declare questions the intents, in declaration order', () => {
    expect(vocabulary.intents).toEqual(allCommands.filter((c) => c.questions).map((c) => c.name));
    expect(vocabulary.intents).toEqual(['performance', 'valuation', 'earnings', 'ratecuts', 'chart', 'digest', 'sources', 'help']);
  });

  it('keep commands that change a channel out of reach of questions, but nameable in help', () => {
    for (const name of ['subscribe', 'unsubscribe', 'alert', 'status']) {
      expect(vocabulary.intents).not.toContain(name);
      expect(vocabulary.commands).toContain(name);
    }
  });

  it('refine only commands questions can reach', () => {
    for (const broad of vocabulary.refines.values()) expect(vocabulary.intents).toContain(broad);
  });
});
