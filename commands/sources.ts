import { defineCommand } from '../src/command.ts';
import type { Reply } from '../src/reply.ts';

export default defineCommand({
  name: 'sources',
  description: 'Where each figure comes from: provider, as-of, age and last error',
  options: [],
  examples: ['sources'],
  keywords: ['source', 'sources', 'data', 'provider', 'where', 'stale', 'fresh'],
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
