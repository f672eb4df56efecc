/** Which meeting "next", "december" or a date means at a "now" before the scheduled calendar (2019, 2024). */
import { describe, expect, it } from 'vitest';
import { resolveMeeting } from '../../src/metrics/ratecuts-meeting.ts';

describe('resolveMeeting at past "now" dates', () => {
  it('finds the next meeting from the decision history, not the first of the 2025 calendar', () => {
    expect(resolveMeeting('next', '2019-06-14')).toEqual({ date: '2019-06-19', past: false });
    expect(resolveMeeting('next', '2024-11-05')).toEqual({ date: '2024-11-07', past: false });
  });

  it('takes the coming December, when nearer, over the one a year before', () => {
    expect(resolveMeeting('december', '2024-11-05')).toEqual({ date: '2024-12-18', past: false });
    expect(resolveMeeting('december', '2019-09-01')).toEqual({ date: '2019-12-11', past: false });
    expect(resolveMeeting('december', '2026-07-01')).toEqual({ date: '2026-12-09', past: false });
  });
});
