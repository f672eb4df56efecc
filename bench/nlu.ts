/** Mention parsing cost: the question parser built from the declarations, over the evaluation questions, per call. */
import { performance } from 'node:perf_hooks';
import { allCommands } from '../commands/index.ts';
import { createQuestionParser } from '../src/nlu/parse.ts';
import { HOLDOUT } from '../test/nlu/holdout.ts';
import { EVAL_NOW, QUESTIONS } from '../test/nlu/questions.ts';
import { percentile } from './lib/stats.ts';

export default async function bench(): Promise<void> {
  const parseQuestion = createQuestionParser(allCommands);
  const texts = [...QUESTIONS, ...HOLDOUT].map((q) => q.text);
  for (let round = 0; round < 5; round++) for (const t of texts) parseQuestion(t, EVAL_NOW); // warm-up (JIT, chrono)
  const times: number[] = [];
  for (let round = 0; round < 20; round++) {
    for (const t of texts) {
      const start = performance.now();
      parseQuestion(t, EVAL_NOW);
      times.push(performance.now() - start);
    }
  }
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  times.sort((a, b) => a - b);
  const fmt = (ms: number) => `${ms.toFixed(3)} ms`;
  console.log(`nlu parseQuestion (${times.length} calls over ${texts.length} questions)`);
  console.log(`  mean ${fmt(mean)}  p50 ${fmt(percentile(times, 50))}  p99 ${fmt(percentile(times, 99))}  max ${fmt(times[times.length - 1] ?? 0)}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await bench();
