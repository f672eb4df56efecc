/** Discord's message and embed limits, and clean truncation to fit them. */
export const LIMITS = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  /** Characters of title, description, field names and values, and footer across all embeds of one message. */
  total: 6000,
  embedsPerMessage: 10,
  commandDescription: 100,
  choices: 25,
  choiceName: 100,
  options: 25,
  subcommands: 25,
} as const;

const ELLIPSIS = '…';

/**
 * Cuts `text` to at most `max` characters (UTF-16 units, which never undercount Discord's count),
 * preferring a word boundary in the last fifth and never splitting a surrogate pair; adds an ellipsis.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  if (max === 1) return ELLIPSIS;
  let cut = max - 1;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  const space = text.lastIndexOf(' ', cut);
  if (space > cut * 0.8) cut = space;
  return text.slice(0, cut).trimEnd() + ELLIPSIS;
}
