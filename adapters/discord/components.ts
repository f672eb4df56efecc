/** Reply.controls -> Discord message components: a row of period buttons, a string select per menu. Pure. */
import { encodeControl } from '../../src/controls.ts';
import type { Control } from '../../src/reply.ts';
import { truncate } from './limits.ts';

/** https://discord.com/developers/docs/components/reference */
const ComponentType = { ActionRow: 1, Button: 2, StringSelect: 3 } as const;
const ButtonStyle = { Primary: 1, Secondary: 2 } as const;
const MAX_ROWS = 5;
const BUTTONS_PER_ROW = 5;
const SELECT_OPTIONS = 25;
const LABEL_MAX = 80;
/** The select's own id: clicks carry the chosen option's value, which is the encoded invocation. */
export const MENU_ID_PREFIX = 'menu:';

export interface ButtonJson {
  type: 2;
  style: 1 | 2;
  label: string;
  custom_id: string;
  disabled?: boolean;
}

export interface SelectJson {
  type: 3;
  custom_id: string;
  placeholder: string;
  options: { label: string; value: string; default?: boolean }[];
}

export interface ActionRowJson {
  type: 1;
  components: (ButtonJson | SelectJson)[];
}

/** Groups in first-seen order. */
function groups(controls: readonly Control[]): Control[][] {
  const byGroup = new Map<string, Control[]>();
  for (const c of controls) byGroup.set(c.group, [...(byGroup.get(c.group) ?? []), c]);
  return [...byGroup.values()];
}

export function controlsToComponents(controls: readonly Control[] | undefined, owner?: string): ActionRowJson[] {
  const rows: ActionRowJson[] = [];
  for (const group of groups(controls ?? [])) {
    const first = group[0] as Control;
    if (first.kind === 'menu') {
      const options = group.flatMap((c) => {
        const value = encodeControl(c, owner);
        return value ? [{ label: truncate(c.label, LABEL_MAX), value, ...(c.current ? { default: true } : {}) }] : [];
      });
      if (options.length) {
        rows.push({
          type: ComponentType.ActionRow,
          components: [{ type: ComponentType.StringSelect, custom_id: `${MENU_ID_PREFIX}${first.group}`.slice(0, 100), placeholder: truncate(first.group, 150), options: options.slice(0, SELECT_OPTIONS) }],
        });
      }
      continue;
    }
    const buttons: ButtonJson[] = group.flatMap((c) => {
      const id = encodeControl(c, owner);
      if (!id) return [];
      return [{ type: ComponentType.Button, style: c.current ? ButtonStyle.Primary : ButtonStyle.Secondary, label: truncate(c.label, LABEL_MAX), custom_id: id, ...(c.current ? { disabled: true } : {}) }];
    });
    for (let i = 0; i < buttons.length; i += BUTTONS_PER_ROW) rows.push({ type: ComponentType.ActionRow, components: buttons.slice(i, i + BUTTONS_PER_ROW) });
  }
  return rows.slice(0, MAX_ROWS);
}
