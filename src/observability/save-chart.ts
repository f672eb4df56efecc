/** The console's and CLI's chart file: a chart directory that cannot be written costs the chart, not the answer. */
import { saveChart } from '../charts/index.ts';
import type { Logger } from '../logger.ts';
import type { Reply } from '../reply.ts';
import { chartFailuresTotal } from './metrics.ts';

export async function saveChartOrDrop(reply: Reply, dataDir: string, logger: Logger): Promise<Reply> {
  if (!reply.chart || reply.chart.path) return reply;
  try {
    return { ...reply, chart: { ...reply.chart, path: await saveChart(reply.chart, dataDir) } };
  } catch (error) {
    chartFailuresTotal.inc({ where: 'save' });
    logger.error('chart could not be saved; answering without it', { fault: 'chart_dir_not_writable', error: String(error) });
    const { chart: _dropped, ...rest } = reply;
    return { ...rest, notes: [...(reply.notes ?? []), `The chart could not be saved under ${dataDir}/charts; here is the answer without it.`] };
  }
}
