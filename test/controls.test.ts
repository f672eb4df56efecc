import { describe, expect, it } from 'vitest';
import { allCommands } from '../commands/index.ts';
import { CONTROL_ID_MAX, decodeControl, encodeControl, performanceControls } from '../src/controls.ts';

describe('control ids', () => {
  it('round-trip every performance control, with and without an owner, within the limit', () => {
    for (const control of performanceControls('performance', { period: 'since:2024-02-29', vs: 'equalweight', small: 'iwo' })) {
      for (const owner of [undefined, '123456789012345678901', 'U0ALICE']) {
        const id = encodeControl(control, owner);
        expect(id!.length).toBeLessThanOrEqual(CONTROL_ID_MAX);
        expect(decodeControl(allCommands, id)).toEqual({ ...control.invocation, opensPrivately: false, ...(owner ? { owner } : {}) });
      }
    }
  });

  it('reads forged, stale and oversized ids as null', () => {
    for (const id of [undefined, 42, '', 'c1', 'c2|performance|||period=1m', 'c1|rm -rf|||', 'c1|performance|z||', 'c1|performance||<@x>|', 'c1|performance|||period', 'c1|performance|||a=b', 'c1|performance|||period=1m|period=3m', `c1|performance|||period=${'1'.repeat(100)}`]) {
      expect(decodeControl(allCommands, id), String(id)).toBeNull();
    }
  });

  it('leaves out a control that cannot be encoded', () => {
    expect(encodeControl({ group: 'g', kind: 'button', label: 'x', invocation: { command: 'performance', options: { period: 'a|b' } } })).toBeNull();
    expect(encodeControl({ group: 'g', kind: 'button', label: 'x', invocation: { command: 'performance', options: { period: 'x'.repeat(120) } } })).toBeNull();
  });
});
