/** Reply -> Discord message payload (embeds, chart attachment, mentions disabled), within Discord's limits. */
import type { Direction, Reply, Section, SourceRef, Table, Tone } from '../../src/reply.ts';
import { controlsToComponents, type ActionRowJson } from './components.ts';
import { LIMITS, truncate } from './limits.ts';

export interface EmbedField {
  name: string;
  value: string;
  inline: boolean;
}

export interface Embed {
  title?: string;
  description?: string;
  color: number;
  fields?: EmbedField[];
  image?: { url: string };
  footer?: { text: string };
  timestamp?: string;
}

export interface DiscordFile {
  name: string;
  data: Uint8Array;
  contentType: string;
  description: string;
}

export interface DiscordPayload {
  embeds: Embed[];
  files?: DiscordFile[];
  allowed_mentions: { parse: [] };
  /** Buttons and menus from Reply.controls (absent when there are none). */
  components?: ActionRowJson[];
  /** 64 (EPHEMERAL) for ephemeral replies; only meaningful for interaction responses. */
  flags?: number;
}

export const EPHEMERAL = 64;

export const TONE_COLOURS: Record<Tone, number> = {
  positive: 0x2e9d5b,
  negative: 0xd64541,
  neutral: 0x5865f2,
};

const ARROWS: Record<Direction, string> = { up: '▲', down: '▼', flat: '▬' };
const BLANK = '\u200b';

export interface PayloadOptions {
  /** Time stamped on the embed; defaults to now. */
  now?: Date;
  /** Only this user may click the controls (encoded in their ids). */
  owner?: string;
}

export function replyToDiscordPayload(reply: Reply, opts: PayloadOptions = {}): DiscordPayload {
  const color = TONE_COLOURS[reply.tone];
  const title = truncate(reply.title.trim() || 'capwatch', LIMITS.title);
  const footer = truncate(footerText(reply.sources), LIMITS.footer);
  const fields = sectionFields(reply.sections);
  const budget = LIMITS.total - title.length - footer.length;
  const { description, kept } = fitText(descriptionText(reply), fields, budget);

  const chunks: EmbedField[][] = [];
  for (let i = 0; i < kept.length; i += LIMITS.fields) chunks.push(kept.slice(i, i + LIMITS.fields));
  if (chunks.length === 0) chunks.push([]);

  const embeds: Embed[] = chunks.map((chunk, i) => ({
    ...(i === 0 ? { title } : {}),
    ...(i === 0 && description ? { description } : {}),
    color,
    ...(chunk.length > 0 ? { fields: chunk } : {}),
  }));
  const first = embeds[0] as Embed;
  const last = embeds[embeds.length - 1] as Embed;
  const file = reply.chart ? chartFile(reply.chart) : undefined;
  if (file) first.image = { url: `attachment://${file.name}` };
  if (footer) last.footer = { text: footer };
  last.timestamp = (opts.now ?? new Date()).toISOString();

  const components = controlsToComponents(reply.controls, opts.owner);
  return {
    embeds,
    ...(file ? { files: [file] } : {}),
    ...(components.length ? { components } : {}),
    allowed_mentions: { parse: [] },
    ...(reply.visibility === 'ephemeral' ? { flags: EPHEMERAL } : {}),
  };
}

/** Commentary, then notes in italics, then the table as a code block (rows cut to fit). */
function descriptionText(reply: Reply): string {
  const parts = [reply.commentary.trim(), ...(reply.notes ?? []).map((n) => `*${n.trim()}*`)].filter(Boolean);
  const text = truncate(parts.join('\n'), LIMITS.description);
  if (!reply.table) return text;
  const room = LIMITS.description - text.length - 1;
  const table = tableBlock(reply.table, room);
  return table ? `${text}\n${table}` : text;
}

function tableBlock(table: Table, max: number): string {
  const widths = table.columns.map((c, i) => Math.max(c.length, ...table.rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => widths.map((w, i) => (cells[i] ?? '').padEnd(w)).join('  ').trimEnd();
  const header = line(table.columns);
  const rows = table.rows.map(line);
  for (let n = rows.length; n >= 0; n--) {
    const more = n < rows.length ? [`… ${rows.length - n} more rows`] : [];
    const block = ['```', header, ...rows.slice(0, n), ...more, '```'].join('\n');
    if (block.length <= max) return block;
  }
  return '';
}

/** One inline field per figure; with several titled sections, a full-width heading field before each. */
function sectionFields(sections: Section[]): EmbedField[] {
  const titled = sections.filter((s) => s.title.trim()).length > 1;
  const out: EmbedField[] = [];
  for (const section of sections) {
    if (section.fields.length === 0) continue;
    if (titled && section.title.trim()) out.push({ name: truncate(section.title.trim(), LIMITS.fieldName), value: BLANK, inline: false });
    for (const f of section.fields) {
      out.push({
        name: truncate(f.label.trim() || f.key, LIMITS.fieldName),
        value: truncate(`${ARROWS[f.direction]} ${f.display}`.trim(), LIMITS.fieldValue),
        inline: true,
      });
    }
  }
  return out;
}

const fieldSize = (f: EmbedField) => f.name.length + f.value.length;

/**
 * Fits description and fields into the per-message character budget and the 10-embed cap.
 * The description keeps at least its first 1,000 characters; fields that do not fit are
 * replaced by one "more not shown" field.
 */
function fitText(description: string, fields: EmbedField[], budget: number): { description: string; kept: EmbedField[] } {
  const maxFields = LIMITS.fields * LIMITS.embedsPerMessage;
  const fieldsTotal = fields.reduce((n, f) => n + fieldSize(f), 0);
  if (description.length + fieldsTotal <= budget && fields.length <= maxFields) return { description, kept: fields };

  const desc = truncate(description, Math.max(Math.min(description.length, 1000), budget - fieldsTotal));
  const note = (n: number): EmbedField => ({ name: BLANK, value: `… ${n} more not shown`, inline: false });
  let room = budget - desc.length - fieldSize(note(fields.length));
  const kept: EmbedField[] = [];
  for (const f of fields) {
    if (kept.length >= maxFields - 1 || fieldSize(f) > room) break;
    kept.push(f);
    room -= fieldSize(f);
  }
  if (kept.length < fields.length) kept.push(note(fields.length - kept.length));
  const used = kept.reduce((n, f) => n + fieldSize(f), 0);
  return { description: truncate(desc, budget - used), kept };
}

function footerText(sources: SourceRef[]): string {
  if (sources.length === 0) return '';
  const parts = sources.map((s) => {
    // A snapshot is itself the last fallback; saying both would be noise.
    const marks = [s.stale ? 'STALE' : '', s.snapshot ? 'offline snapshot' : s.fallback ? 'fallback source' : ''].filter(Boolean);
    return `${s.name}, as of ${s.asOf}${marks.length ? ` (${marks.join(', ')})` : ''}`;
  });
  return `Sources: ${parts.join(' · ')}`;
}

/** Discord only resolves attachment:// for plain file names. */
export function attachmentName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/-+\./g, '.').replace(/^-+|-+$/g, '');
  const base = cleaned || 'chart';
  return /\.png$/i.test(base) ? base : `${base}.png`;
}

function chartFile(chart: NonNullable<Reply['chart']>): DiscordFile {
  return { name: attachmentName(chart.name), data: chart.png, contentType: 'image/png', description: truncate(chart.alt, 1024) };
}
