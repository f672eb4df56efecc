import { parseQuestion } from '../../src/nlu/parse.ts';
const now = new Date('2026-11-21T15:00:00Z');
for (const q of process.argv.slice(2)) { const p = parseQuestion(q, now); console.log(JSON.stringify(q), '=>', p.command, p.confidence, JSON.stringify(p.options), '|', p.notes.join(' / '), '|', p.suggestions.join(' ; ')); }
