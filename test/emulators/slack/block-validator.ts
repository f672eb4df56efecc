/** The Block Kit limits Slack enforces on chat.postMessage; the emulator answers invalid_blocks when one is broken. */

type Json = Record<string, unknown>;

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function textLen(t: unknown): number {
  return isObj(t) && typeof t.text === 'string' ? t.text.length : -1;
}

/** Returns the first problem found, or null when the blocks are valid. */
export function blockProblem(blocks: unknown): string | null {
  if (!Array.isArray(blocks)) return 'blocks is not an array';
  if (blocks.length > 50) return `too many blocks (${blocks.length})`;
  for (const [i, b] of blocks.entries()) {
    if (!isObj(b)) return `block ${i} is not an object`;
    switch (b.type) {
      case 'header': {
        const n = textLen(b.text);
        if (n < 1 || n > 150) return `header ${i} text length ${n}`;
        if (isObj(b.text) && b.text.type !== 'plain_text') return `header ${i} must be plain_text`;
        break;
      }
      case 'section': {
        if (b.text === undefined && b.fields === undefined) return `section ${i} has neither text nor fields`;
        if (b.text !== undefined) {
          const n = textLen(b.text);
          if (n < 1 || n > 3000) return `section ${i} text length ${n}`;
        }
        if (b.fields !== undefined) {
          if (!Array.isArray(b.fields) || b.fields.length < 1 || b.fields.length > 10) return `section ${i} fields count`;
          for (const f of b.fields) {
            const n = textLen(f);
            if (n < 1 || n > 2000) return `section ${i} field length ${n}`;
          }
        }
        break;
      }
      case 'context': {
        if (!Array.isArray(b.elements) || b.elements.length < 1 || b.elements.length > 10) return `context ${i} elements count`;
        for (const e of b.elements) {
          const n = textLen(e);
          if (n < 1 || n > 3000) return `context ${i} element length ${n}`;
        }
        break;
      }
      case 'actions': {
        const problem = actionsProblem(b, i);
        if (problem) return problem;
        break;
      }
      case 'divider':
      case 'image':
      case 'rich_text':
        break;
      default:
        return `block ${i} has unknown type ${String(b.type)}`;
    }
  }
  return null;
}

/** Actions blocks: 1-25 elements, unique action_ids, button values up to 2000 and select option values up to 150. */
function actionsProblem(b: Json, i: number): string | null {
  if (!Array.isArray(b.elements) || b.elements.length < 1 || b.elements.length > 25) return `actions ${i} elements count`;
  const ids = new Set<string>();
  for (const e of b.elements) {
    if (!isObj(e) || typeof e.action_id !== 'string' || e.action_id.length > 255) return `actions ${i} element without a valid action_id`;
    if (ids.has(e.action_id)) return `actions ${i} repeats action_id ${e.action_id}`;
    ids.add(e.action_id);
    if (e.type === 'button' && (typeof e.value !== 'string' || e.value.length > 2000 || textLen(e.text) < 1 || textLen(e.text) > 75)) return `actions ${i} button`;
    if (e.type === 'static_select') {
      const options = Array.isArray(e.options) ? e.options : [];
      if (options.length < 1 || options.length > 100) return `actions ${i} select options count`;
      if (options.some((o) => !isObj(o) || typeof o.value !== 'string' || o.value.length > 150 || textLen(o.text) > 75)) return `actions ${i} select option`;
    }
  }
  return null;
}
