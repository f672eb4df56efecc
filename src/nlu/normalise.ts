/** Chat text -> clean lower-case segments of tokens: no mention tokens, emoji, stray punctuation or one-letter typos. */
import { correctToken } from './fuzzy.ts';

/** Discord <@123> <@!123> <@&9> <#9>, Slack <@U123ABC> <@U1|name> <#C1|chan> <!here>. */
const MENTION = /<[@#!][^>\s]*>/g;
/** Slack links <https://x|label> keep their label; bare links go. */
const SLACK_LINK = /<(https?:[^>|]+)(?:\|([^>]*))?>/g;
/** Slack/Discord emoji shortcodes such as :rocket: or :chart_with_upwards_trend:. */
const SHORTCODE = /:[a-z0-9_+-]+:/g;
const EMOJI = /[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\u{1F3FB}-\u{1F3FF}\u{FE0F}\u{200D}\u{20E3}]/gu;

export function cleanText(raw: string): string {
  return raw
    .replace(SLACK_LINK, (_m, _url: string, label?: string) => ` ${label ?? ''} `)
    .replace(MENTION, ' ')
    .replace(SHORTCODE, ' ')
    .replace(EMOJI, ' ')
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, ' - ')
    .toLowerCase()
    .replace(/\btl;\s?dr\b/g, 'tldr')
    .replace(/\s\+\s/g, ' plus ')
    .replace(/\bs\s*(?:&|and|n)\s*p\b/g, 's&p')
    .replace(/\bs&p(?=\d)/g, 's&p ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Sentences or questions, split on ? ! ; new lines, full stops that end a sentence and numbered items "1) ". */
export function splitSegments(clean: string): string[] {
  return clean
    .split(/[?!;\n]+|\.(?=\s|$)(?<!\b(?:vs|etc|st|mr|dr|approx|u\.s)\.)|(?:^|\s)\d\)\s/)
    .map((s) => s.trim())
    .filter((s) => /[a-z0-9]/.test(s));
}

const ABBREVIATIONS: Record<string, string> = {
  yr: 'year', yrs: 'years', mo: 'month', mos: 'months', mth: 'month', mths: 'months', wk: 'week', wks: 'weeks',
  jan: 'january', feb: 'february', mar: 'march', apr: 'april', jun: 'june', jul: 'july', aug: 'august',
  sep: 'september', sept: 'september', oct: 'october', nov: 'november', dec: 'december',
  mtg: 'meeting', mtgs: 'meetings', perf: 'performance', v: 'vs', yday: 'yesterday', qtr: 'quarter', qtrs: 'quarters',
  prob: 'probability', fortnight: '2 weeks',
};

/** "3yr", "6mo", "2wks", "2y": a count glued to its unit ("1y", "5d", "3m" stay as the command's own period codes). */
const GLUED_SPAN = /^(\d{1,3})(yrs?|mos?|mths?|wks?|w|y|m|d|days?|weeks?|months?|years?)$/;
const UNIT_LETTERS: Record<string, string> = { w: 'week', y: 'year', m: 'month', d: 'day' };
const PERIOD_CODE = /^(?:1d|5d|1m|3m|6m|1y|3y|5y|10y)$/;

function splitGlued(token: string): string[] {
  const m = GLUED_SPAN.exec(token);
  return m?.[1] && m[2] && !PERIOD_CODE.test(token) ? [m[1], UNIT_LETTERS[m[2]] ?? m[2]] : [token];
}

/** Words of one segment: hyphenated words split, possessives dropped, $TICKER -> ticker, month and unit abbreviations spelt out. */
export function tokenize(segment: string): string[] {
  return segment
    .replace(/(?<=[a-z])-(?=[a-z])/g, ' ')
    .split(/[\s,()"[\]{}*_~|]+/)
    .map((t) => t.replace(/^[^a-z0-9&^]+/, '').replace(/[^a-z0-9&%]+$/, '').replace(/'s$/, ''))
    .filter((t) => t.length > 0)
    .flatMap(splitGlued)
    .map((t) => ABBREVIATIONS[t] ?? t);
}

/** A segment as a single spaced string of corrected tokens, ready for phrase patterns. */
export function normaliseSegment(segment: string, vocabulary: ReadonlySet<string>): string {
  return tokenize(segment)
    .map((t) => correctToken(t, vocabulary))
    .join(' ');
}
