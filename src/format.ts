/** Number formatting shared by commentary and renderers. */
import type { Unit } from './reply.ts';

const MINUS = '-';

function fixed(value: number, digits: number): string {
  const rounded = Number(value.toFixed(digits));
  return Math.abs(rounded).toFixed(digits);
}

/** "+7.3%" / "-0.2%" (signed by default). */
export function pct(value: number, opts: { signed?: boolean; digits?: number } = {}): string {
  const digits = opts.digits ?? 1;
  const body = fixed(value, digits);
  const zero = Number(body) === 0;
  const sign = value < 0 && !zero ? MINUS : opts.signed === false || zero ? '' : '+';
  return `${sign}${body}%`;
}

/** "+2.1 pp". */
export function pp(value: number, digits = 1): string {
  const body = fixed(value, digits);
  const zero = Number(body) === 0;
  return `${value < 0 && !zero ? MINUS : zero ? '' : '+'}${body} pp`;
}

/** "13.6x". */
export function multiple(value: number): string {
  return `${value.toFixed(1)}x`;
}

export function usd(value: number): string {
  return `$${value.toFixed(2)}`;
}

/** Display text for a value in a unit. */
export function display(value: number, unit: Unit): string {
  switch (unit) {
    case '%':
      return pct(value);
    case 'pp':
      return pp(value);
    case 'x':
      return multiple(value);
    case '$':
      return usd(value);
    case 'bp':
      return `${Math.round(value)} bp`;
    case 'cuts':
      return `${value.toFixed(1)} cuts`;
    default:
      return String(Number(value.toFixed(2)));
  }
}

const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** "three" for 3, "3.5" otherwise. */
export function countWord(value: number): string {
  return Number.isInteger(value) && value >= 0 && value < WORDS.length ? WORDS[value]! : String(value);
}

/** Rounds for machine-readable output without float noise. */
export function round(value: number, digits = 4): number {
  return Number(value.toFixed(digits));
}
