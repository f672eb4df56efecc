/** Reply -> Block Kit message (blocks plus the plain `text` fallback), within Slack's size limits. */
import type { types } from '@slack/bolt';
import type { Direction, Field, Reply, Section, SourceRef, Table } from '../../src/reply.ts';
import { controlsToBlocks } from './controls-to-blocks.ts';
import { escapeCode, escapeMrkdwn } from './escape.ts';

export type Block = types.KnownBlock;

export interface BlockKitMessage {
  text: string;
  blocks: Block[];
}

/** Documented Block Kit limits. */
export const LIMITS = {
  blocks: 50,
  text: 3000,
  field: 2000,
  header: 150,
  fieldsPerSection: 10,
  contextElements: 10,
  fallbackText: 3000,
} as const;

const ARROWS: Record<Direction, string> = { up: '\u25B2', down: '\u25BC', flat: '\u25AC' };

/** Cuts text to max characters (ellipsis included) without splitting an &amp;-style entity. */
export function fit(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  const amp = cut.lastIndexOf('&');
  if (amp >= 0 && !cut.slice(amp).includes(';')) cut = cut.slice(0, amp);
  return cut + '\u2026';
}

const mrkdwn = (text: string) => ({ type: 'mrkdwn' as const, text });

function headerBlock(title: string): Block {
  return { type: 'header', text: { type: 'plain_text', text: fit(title, LIMITS.header), emoji: true } };
}

function fieldText(field: Field): string {
  return fit(`*${escapeMrkdwn(field.label)}*\n${ARROWS[field.direction]} ${escapeMrkdwn(field.display)}`, LIMITS.field);
}

function sectionBlocks(section: Section): Block[] {
  const blocks: Block[] = [];
  for (let i = 0; i < section.fields.length; i += LIMITS.fieldsPerSection) {
    const chunk = section.fields.slice(i, i + LIMITS.fieldsPerSection);
    const block: Block = { type: 'section', fields: chunk.map((f) => mrkdwn(fieldText(f))) };
    if (i === 0 && section.title.trim()) block.text = mrkdwn(fit(`*${escapeMrkdwn(section.title)}*`, LIMITS.text));
    blocks.push(block);
  }
  return blocks;
}

/** Columns padded to their widest cell; rows dropped from the end (and counted) when the block would overflow. */
export function tableText(table: Table, max: number = LIMITS.text): string {
  const widths = table.columns.map((c, i) => Math.max(c.length, ...table.rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    widths.map((w, i) => (cells[i] ?? '').padEnd(w)).join('  ').trimEnd();
  const lines = [line(table.columns), widths.map((w) => '-'.repeat(w)).join('  ')];
  const wrap = (body: string[]) => '```\n' + escapeCode(body.join('\n')) + '\n```';
  for (let n = table.rows.length; n >= 0; n--) {
    const body = [...lines, ...table.rows.slice(0, n).map(line)];
    if (n < table.rows.length) body.push(`\u2026 ${table.rows.length - n} more rows`);
    const text = wrap(body);
    if (text.length <= max) return text;
  }
  return fit(wrap(lines), max);
}

export function sourceText(source: SourceRef): string {
  const marks: string[] = [];
  if (source.stale) marks.push(':warning: *stale*');
  // A snapshot is itself the last fallback; saying both would be noise.
  if (source.snapshot) marks.push('*offline snapshot*');
  else if (source.fallback) marks.push('fallback source');
  const tail = marks.length ? ` (${marks.join(', ')})` : '';
  return fit(`${escapeMrkdwn(source.name)}, as of ${escapeMrkdwn(source.asOf)}${tail}`, LIMITS.text);
}

function contextBlocks(texts: string[]): Block[] {
  const blocks: Block[] = [];
  for (let i = 0; i < texts.length; i += LIMITS.contextElements) {
    blocks.push({ type: 'context', elements: texts.slice(i, i + LIMITS.contextElements).map(mrkdwn) });
  }
  return blocks;
}

function footerBlocks(sources: SourceRef[]): Block[] {
  if (sources.length === 0) return [];
  const texts = sources.map(sourceText);
  texts[0] = fit(`Sources: ${texts[0]}`, LIMITS.text);
  // One context block is enough for a footer; extra sources are folded into the last element.
  if (texts.length > LIMITS.contextElements) {
    const kept = texts.slice(0, LIMITS.contextElements - 1);
    kept.push(fit(texts.slice(LIMITS.contextElements - 1).join(' \u00B7 '), LIMITS.text));
    return contextBlocks(kept);
  }
  return contextBlocks(texts);
}

/** The plain text shown in notifications and by clients that cannot render blocks. */
export function fallbackText(reply: Reply): string {
  const lines = [reply.title, reply.commentary];
  for (const section of reply.sections) {
    for (const f of section.fields) lines.push(`${f.label}: ${f.display}`);
  }
  const text = lines.filter((l) => l.trim()).map(escapeMrkdwn).join('\n');
  return fit(text || 'capwatch', LIMITS.fallbackText);
}

export interface BlockKitOptions {
  /** Only this user may click the controls (encoded in their values). */
  owner?: string;
}

export function replyToBlockKit(reply: Reply, opts: BlockKitOptions = {}): BlockKitMessage {
  const body: Block[] = [];
  if (reply.title.trim()) body.push(headerBlock(reply.title));
  if (reply.commentary.trim()) {
    body.push({ type: 'section', text: mrkdwn(fit(escapeMrkdwn(reply.commentary), LIMITS.text)) });
  }
  const notes = (reply.notes ?? []).filter((n) => n.trim());
  if (notes.length) body.push(...contextBlocks(notes.map((n) => fit(`_${escapeMrkdwn(n)}_`, LIMITS.text))));
  for (const section of reply.sections) body.push(...sectionBlocks(section));
  if (reply.table && reply.table.columns.length) {
    body.push({ type: 'section', text: mrkdwn(tableText(reply.table)) });
  }
  const footer = footerBlocks(reply.sources);
  const controls = controlsToBlocks(reply.controls, opts.owner);
  const room = LIMITS.blocks - footer.length - controls.length;
  if (body.length > room) {
    body.length = room - 1;
    body.push({ type: 'context', elements: [mrkdwn('Some details were left out to fit in one Slack message.')] });
  }
  return { text: fallbackText(reply), blocks: [...body, ...controls, ...footer] };
}
