/** Reply.controls -> Block Kit `actions` blocks: buttons (the current one primary) and a static_select per menu. Pure. */
import type { types } from '@slack/bolt';
import { encodeControl } from '../../src/controls.ts';
import type { Control } from '../../src/reply.ts';

/** Every control's action_id starts with this; the app routes them to one handler. */
export const ACTION_PREFIX = 'cw:';
const ELEMENTS = 25;
const OPTIONS = 100;
const LABEL_MAX = 75;

const plain = (text: string) => ({ type: 'plain_text' as const, text: text.length <= LABEL_MAX ? text : `${text.slice(0, LABEL_MAX - 1)}\u2026`, emoji: true });

function groups(controls: readonly Control[]): Control[][] {
  const byGroup = new Map<string, Control[]>();
  for (const c of controls) byGroup.set(c.group, [...(byGroup.get(c.group) ?? []), c]);
  return [...byGroup.values()];
}

/** One actions block holding the buttons and menus (Slack shows them on one or two lines). */
export function controlsToBlocks(controls: readonly Control[] | undefined, owner?: string): types.KnownBlock[] {
  const elements: types.ActionsBlockElement[] = [];
  groups(controls ?? []).forEach((group, g) => {
    const first = group[0] as Control;
    if (first.kind === 'menu') {
      const options = group.flatMap((c) => {
        const value = encodeControl(c, owner);
        return value ? [{ option: { text: plain(c.label), value }, current: Boolean(c.current) }] : [];
      });
      if (!options.length) return;
      const current = options.find((o) => o.current)?.option;
      elements.push({
        type: 'static_select',
        action_id: `${ACTION_PREFIX}${g}`,
        placeholder: plain(first.group),
        options: options.slice(0, OPTIONS).map((o) => o.option),
        ...(current ? { initial_option: current } : {}),
      });
      return;
    }
    group.forEach((c, i) => {
      const value = encodeControl(c, owner);
      if (!value) return;
      elements.push({ type: 'button', action_id: `${ACTION_PREFIX}${g}.${i}`, text: plain(c.label), value, ...(c.current ? { style: 'primary' as const } : {}) });
    });
  });
  return elements.length ? [{ type: 'actions', block_id: 'capwatch-controls', elements: elements.slice(0, ELEMENTS) }] : [];
}
