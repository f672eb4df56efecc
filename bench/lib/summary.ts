/**
 * Figures every bench records as it goes; `npm run bench` prints them at the end as one JSON line
 * (with the machine's cores and load) so runs can be compared, and against the DESIGN.md targets.
 */
import { cpus, loadavg } from 'node:os';

export type Figure = number | null;

/** DESIGN.md's performance targets; `max` figures pass at or under, `min` at or over. */
export const TARGETS: Record<string, { max?: number; min?: number }> = {
  'charts.performance.p50Ms': { max: 30 },
  'cli.valuation.timesBareNode': { max: 4 },
  'cli.valuation.peakRssMb': { max: 100 },
  'bot.rssAfterStartMb': { max: 150 },
  'bot.rssAfterCommandMb': { max: 150 },
  'digest.fanout.peakRssMb': { max: 256 },
  'digest.realistic.discordShare': { min: 0.95 },
  'digest.realistic.slackShare': { min: 0.95 },
};

const figures: Record<string, Figure> = {};

export function record(name: string, value: Figure): void {
  figures[name] = value === null || !Number.isFinite(value) ? null : Math.round(value * 100) / 100;
}

/** One JSON object: every figure recorded, which targets hold, and the conditions of the run. */
export function summary(): Record<string, unknown> {
  const verdicts: Record<string, 'pass' | 'fail' | 'not measured'> = {};
  for (const [name, target] of Object.entries(TARGETS)) {
    const value = figures[name];
    if (value === undefined || value === null) verdicts[name] = 'not measured';
    else verdicts[name] = (target.max === undefined || value <= target.max) && (target.min === undefined || value >= target.min) ? 'pass' : 'fail';
  }
  return {
    summary: 'capwatch bench',
    at: new Date().toISOString(),
    node: process.version,
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? null,
    load: loadavg().map((l) => Math.round(l * 100) / 100),
    figures,
    targets: TARGETS,
    verdicts,
  };
}
