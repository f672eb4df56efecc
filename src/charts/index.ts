/** Public face of the chart renderer. */
export { createChartService, type ChartServiceOptions, type CountingChartService } from './service.ts';
export { saveChart } from './save.ts';
export type { ChartService, DigestChartData, PerformanceChartData, RateCutsChartData, ValuationChartData } from './types.ts';
