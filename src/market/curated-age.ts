/** What `curate` needs beyond storage: the key check, and each figure's age against its freshness rule. */
import { isStale } from './freshness.ts';

export { checkCuratedKey } from './curated-keys.ts';

/** "12 days old" / "461 days old, stale" (stale past the curated freshness rule). */
export function curatedAge(asOf: string, now: Date): string {
  const days = Math.max(0, Math.floor((now.getTime() - Date.parse(`${asOf}T00:00:00Z`)) / 86_400_000));
  return `${days} day${days === 1 ? '' : 's'} old${isStale('curated', asOf, now) ? ', stale' : ''}`;
}
