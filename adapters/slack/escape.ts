/**
 * Escaping for Slack mrkdwn. Every string of a Reply is literal text (the Reply model has no
 * Slack formatting), so whatever reaches a mrkdwn field goes through escapeMrkdwn: it can then
 * neither format, link, nor ping anyone.
 */

/** The three characters Slack requires escaped in any mrkdwn text. */
export function escapeEntities(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Slack mrkdwn has no backslash escape, so the control characters are swapped for look-alikes
 * the parser ignores.
 */
const LOOKALIKES: Record<string, string> = {
  '*': '\u2217', // ASTERISK OPERATOR
  _: '\u02CD', // MODIFIER LETTER LOW MACRON
  '~': '\u223C', // TILDE OPERATOR
  '`': '\u02CB', // MODIFIER LETTER GRAVE ACCENT
};

/** Plain "@here" style words are not pings in API messages, but a zero-width space keeps them inert if parse=full is ever set. */
const BROADCAST_WORDS = /@(channel|here|everyone)\b/gi;

/** Literal text for a mrkdwn field: entities escaped, broadcasts and formatting neutralised. */
export function escapeMrkdwn(text: string): string {
  return escapeEntities(text)
    .replace(/[*_~`]/g, (c) => LOOKALIKES[c] ?? c)
    .replace(BROADCAST_WORDS, '@\u200B$1');
}

/** Literal text inside a ``` code block: only entities and backticks matter there. */
export function escapeCode(text: string): string {
  return escapeEntities(text).replace(/`/g, LOOKALIKES['`'] ?? "'");
}

/** Strips the bot's (or anyone's) mention tokens such as <@U123ABC> or <@U123|name> from an app_mention text. */
export function stripMentions(text: string): string {
  return text.replace(/<@[UW][A-Z0-9]+(?:\|[^>]*)?>/g, ' ').replace(/\s+/g, ' ').trim();
}
