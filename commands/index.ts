/** Every command, in the order help lists them. */
import type { CommandDecl } from '../src/command.ts';
import alert from './alert.ts';
import chart from './chart.ts';
import digest from './digest.ts';
import earnings from './earnings.ts';
import help from './help.ts';
import performance from './performance.ts';
import ratecuts from './ratecuts.ts';
import sources from './sources.ts';
import status from './status.ts';
import subscribe from './subscribe.ts';
import unsubscribe from './unsubscribe.ts';
import valuation from './valuation.ts';

export const allCommands: readonly CommandDecl[] = [
  performance,
  valuation,
  earnings,
  ratecuts,
  chart,
  digest,
  sources,
  subscribe,
  unsubscribe,
  alert,
  status,
  help,
];
