/** Public face of the chart renderer. */
export { createChartService, preloadRenderer, type ChartServiceOptions, type CountingChartService } from './service.ts';
export type { PremiumFigure, ValuationChartInput } from './valuation.ts';
export { saveChart } from './save.ts';
export type { ChartService, DigestChartData, PerformanceChartData, RateCutsChartData, ValuationChartData } from './types.ts';
