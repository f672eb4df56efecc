/**
 * Charts ride along with answers; they never sink them. A chart that fails to render is logged and
 * counted, and the answer (or digest edition) is computed again without a chart service.
 */
import type { ChartService } from '../charts/types.ts';
import type { Logger } from '../logger.ts';
import type { Reply } from '../reply.ts';
import { chartFailuresTotal } from './metrics.ts';

/** Thrown by a guarded chart service after the failure is logged; the caller drops the chart. */
export class ChartFailure extends Error {
  readonly kind: string;
  constructor(kind: string, cause: unknown) {
    super(`${kind} chart failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'ChartFailure';
    this.kind = kind;
  }
}

export const CHART_DROPPED_NOTE = 'The chart could not be drawn this time; here is the answer without it.';

export function guardCharts(charts: ChartService, logger: Logger): ChartService {
  const guard =
    <D, R>(kind: string, render: (data: D) => Promise<R>) =>
    async (data: D): Promise<R> => {
      try {
        return await render(data);
      } catch (error) {
        chartFailuresTotal.inc({ where: kind });
        logger.error('chart renderer failed; answering without the chart', { fault: 'chart_render', chart: kind, error: String(error) });
        throw new ChartFailure(kind, error);
      }
    };
  return {
    performance: guard('performance', charts.performance.bind(charts)),
    rateCuts: guard('ratecuts', charts.rateCuts.bind(charts)),
    valuation: guard('valuation', charts.valuation.bind(charts)),
    digest: guard('digest', charts.digest.bind(charts)),
  };
}

/** Runs `work` with the chart service; on a ChartFailure runs it again without one and notes the missing chart. */
export async function withoutChartOnFailure<S extends { charts?: unknown }>(
  services: S,
  work: (services: S) => Promise<Reply>,
): Promise<Reply> {
  try {
    return await work(services);
  } catch (error) {
    if (!(error instanceof ChartFailure)) throw error;
    const reply = await work({ ...services, charts: undefined });
    return { ...reply, notes: [...(reply.notes ?? []), CHART_DROPPED_NOTE] };
  }
}
