/** Builds the labelled numeric fields of a Reply: value rounded for output, display text, direction. */
import { display, round } from './format.ts';
import { direction, type Field, type Unit } from './reply.ts';

export function metricField(key: string, label: string, value: number, unit: Unit, text = display(value, unit)): Field {
  return { key, label, value: round(value), unit, display: text, direction: direction(value) };
}
