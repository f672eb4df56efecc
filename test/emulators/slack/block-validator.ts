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
      case 'divider':
      case 'image':
      case 'actions':
      case 'rich_text':
        break;
      default:
        return `block ${i} has unknown type ${String(b.type)}`;
    }
  }
  return null;
}
