/** `npm run eval:nlu`: accuracy of the mention parser per intent and per entity type. */
import { FRESH } from './fresh.ts';
import { FRESH2 } from './fresh2.ts';
import { HOLDOUT } from './holdout.ts';
import { QUESTIONS, EVAL_NOW } from './questions.ts';
import type { EvalQuestion } from './questions.ts';
import { evaluate, rate } from './score.ts';
import type { Tally } from './score.ts';

function line(name: string, t: Tally): string {
  return `  ${name.padEnd(16)} ${(rate(t) * 100).toFixed(1).padStart(6)}%  (${t.correct}/${t.total})`;
}

function report(title: string, questions: EvalQuestion[]): void {
  const result = evaluate(questions, EVAL_NOW);
  console.log(`\n${title}: ${questions.length} questions, now = ${EVAL_NOW.toISOString()}`);
  console.log(line('intent (all)', result.intent));
  console.log('per intent:');
  for (const [name, t] of Object.entries(result.perIntent)) console.log(line(name, t));
  console.log('per entity:');
  for (const [name, t] of Object.entries(result.perEntity)) console.log(line(name, t));
  if (result.misses.length > 0) {
    console.log('misses:');
    for (const m of result.misses) console.log(`  ${JSON.stringify(m.text)}: expected ${m.expected}, got ${m.got}`);
  }
}

report('Evaluation set', QUESTIONS);
report('Hold-out set', HOLDOUT);
report('Fresh set (written blind)', FRESH);
report('Fresh set 2 (written blind, after the rework)', FRESH2);
report('All', [...QUESTIONS, ...HOLDOUT, ...FRESH, ...FRESH2]);
