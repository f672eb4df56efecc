import { defineCommand } from '../src/command.ts';
import type { Reply } from '../src/reply.ts';

export default defineCommand({
  name: 'sources',
  description: 'Where each figure comes from: provider, as-of, age and last error',
  options: [],
  examples: ['sources'],
  questions: {
    phrases: [
      { weight: 1.0, pattern: /\b(?:sources?|sourced|citations?|cite|provenance|attribution)\b/ },
      { weight: 1.0, pattern: /\b(?:data|your|the|what|which) sources?\b|\bsources? (?:do|did) you\b/ },
      {
        weight: 1.5,
        pattern: /\bdata\b.*\b(?:live|delayed|real ?time|fresh|current|stale|updated|accurate|reliable)\b|\b(?:live|delayed|real ?time)\b.*\bdata\b/,
      },
      {
        weight: 1.8,
        pattern: /\bwhere(?:'s| (?:do|does|did|are|is))?\b.*\b(?:data|numbers|figures|stats|info|information|get|come|comes|pull)\b|\b(?:data|numbers|figures|stats|info|quotes|odds)\b.*\b(?:come|comes|coming) from\b/,
      },
      { weight: 1.8, pattern: /\b(?:data providers?|who provides|provided by|how fresh|stale|how old is|how current)\b/ },
    ],
    words: ['sources', 'source', 'citation', 'citations', 'provenance', 'provides'],
  },
  async run(ctx): Promise<Reply> {
    const [status, curated] = await Promise.all([ctx.market.status(), ctx.market.curatedAll()]);
    const now = ctx.now().getTime();
    const age = (iso: string | null) => {
      if (!iso) return 'n/a';
      const days = Math.floor((now - Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso)) / 86_400_000);
      return days <= 0 ? 'today' : `${days} d ago`;
    };
    return {
      title: 'Data sources',
      commentary: `Each dataset, the provider that last answered, how old its data is, and the last error seen. ${curated.length} curated research figures are listed below.`,
      sections: [],
      table: {
        columns: ['Dataset', 'Provider', 'As of', 'Age', 'Status'],
        rows: [
          ...status.map((s) =>
            s.provider === null
              ? [s.dataset, 'not fetched yet', 'n/a', 'n/a', s.lastError ?? 'waiting for the first question']
              : [s.dataset, s.provider, s.asOf ?? 'n/a', age(s.asOf), s.lastError ?? (s.stale ? 'stale' : 'ok')],
          ),
          ...curated.map((c) => [c.key, c.source, c.asOf, age(c.asOf), `${c.value}${c.unit === '%' ? '%' : ' ' + c.unit}`]),
        ],
      },
      sources: [],
      visibility: 'ephemeral',
      tone: 'neutral',
      data: { datasets: status, curated },
    };
  },
});
