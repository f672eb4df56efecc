import { describe, it, expect } from 'vitest';
import { extractMeeting } from '../../src/nlu/meetings.ts';

const now = new Date('2026-11-21T15:00:00Z');

describe('extractMeeting', () => {
  it.each([
    ['odds of a cut in december', { meeting: '2026-12' }],
    ['the september meeting', { meeting: '2027-09' }],
    ['the november meeting', { meeting: '2026-11' }],
    ['cut at the next meeting', { meeting: 'next' }],
    ['whats priced for the next fomc', { meeting: 'next' }],
    ['ratecuts next', { meeting: 'next' }],
    ['a cut on december 9', { meeting: '2026-12-09' }],
    ['a cut on 2027-01-27', { meeting: '2027-01-27' }],
    ['the march 2028 meeting', { meeting: '2028-03' }],
    ['cuts by year end', { by: 'yearend' }],
    ['cuts by the end of the year', { by: 'yearend' }],
    ['how many cuts this year', { by: 'yearend' }],
    ['how many cuts are priced in for next year', { by: '2027-12' }],
    ['cuts by the end of 2027', { by: '2027-12' }],
    ['cuts by march', { by: '2027-03' }],
    ['cuts before the march meeting', { by: '2027-03' }],
    ['cuts through next june', { by: '2027-06' }],
    ['cuts by june 2028', { by: '2028-06' }],
    ['pricing for 2027', { by: '2027-12' }],
    ['a cut in january and how many by year end', { meeting: '2027-01', by: 'yearend' }],
    ['meeting:2026-12 by:2027-06', { meeting: '2026-12', by: '2027-06' }],
    ['what did the fed do in january', { meeting: '2026-01' }],
    ['what was decided in september', { meeting: '2026-09' }],
    ['what happened at the november meeting', { meeting: '2026-11' }],
    ['fed cut odds', {}],
    ['may the fed cut', {}],
    ['a cut in may', { meeting: '2027-05' }],
    ['what did the fed do at the last meeting', { meeting: 'last' }],
    ['the previous fomc decision', { meeting: 'last' }],
    ['did the fed cut in september', { meeting: '2026-09' }],
    ['what was decided in december', { meeting: '2025-12' }],
    ['what was priced for the october 28 meeting', { meeting: '2026-10-28' }],
  ])('%s', (text, expected) => {
    expect(extractMeeting(text, now)).toEqual(expected);
  });
});
