/** Turns provenance into the footer entries of a Reply. */
import type { Provenance } from '../market/types.ts';
import type { SourceRef } from '../reply.ts';

export function sourceRef(what: string, p: Provenance): SourceRef {
  return { name: `${what} (${p.source})`, asOf: p.asOf, stale: p.stale, fallback: p.fallback, snapshot: p.snapshot };
}

/** Drops repeated entries, keeping the first. */
export function uniqueSources(refs: SourceRef[]): SourceRef[] {
  const seen = new Set<string>();
  return refs.filter((r) => {
    const key = `${r.name}|${r.asOf}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
