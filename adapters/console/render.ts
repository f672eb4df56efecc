/** Reply -> plain text for terminals. Pure. */
import { controlCommandLine } from '../../src/controls.ts';
import type { Control, Reply, SourceRef, Table } from '../../src/reply.ts';

export function sourceLine(s: SourceRef): string {
  const flags = [s.snapshot ? 'offline snapshot' : '', s.fallback && !s.snapshot ? 'fallback' : '', s.stale ? 'stale' : '']
    .filter(Boolean)
    .join(', ');
  return `${s.name}, as of ${s.asOf}${flags ? ` [${flags}]` : ''}`;
}

export function tableToText(table: Table): string[] {
  const widths = table.columns.map((c, i) => Math.max(c.length, ...table.rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(table.columns), line(widths.map((w) => '-'.repeat(w))), ...table.rows.map(line)];
}

export function replyToText(reply: Reply): string {
  const out: string[] = [reply.title, '='.repeat(Math.min(reply.title.length, 72)), reply.commentary];
  for (const note of reply.notes ?? []) out.push(`  ${note}`);
  for (const section of reply.sections) {
    out.push('', `${section.title}:`);
    const width = Math.max(...section.fields.map((f) => f.label.length));
    for (const f of section.fields) out.push(`  ${f.label.padEnd(width)}  ${f.display}`);
  }
  if (reply.table) out.push('', ...tableToText(reply.table).map((l) => `  ${l}`));
  if (reply.chart) out.push('', `Chart: ${reply.chart.path ?? reply.chart.name} (${reply.chart.alt})`);
  out.push(...controlLines(reply.controls));
  if (reply.sources.length) {
    out.push('', 'Sources:');
    for (const s of reply.sources) out.push(`  - ${sourceLine(s)}`);
  }
  return out.join('\n');
}

/** Where chat platforms show buttons and menus, the console shows the commands they stand for. */
export function controlLines(controls: readonly Control[] | undefined): string[] {
  const others = (controls ?? []).filter((c) => !c.current);
  if (!others.length) return [];
  const width = Math.max(...others.map((c) => c.label.length));
  return ['', 'Other views:', ...others.map((c) => `  ${c.label.padEnd(width)}  /smallcaps ${controlCommandLine(c)}`)];
}
