/** Options shared by several commands. */
import { FIXED_PERIODS, parsePeriod } from '../src/analytics/periods.ts';
import { defineOption } from '../src/command.ts';
import { LARGE_CHOICES, SMALL_CHOICES } from '../src/instruments.ts';

export const periodOption = defineOption({
  name: 'period',
  description: 'Period: 1d 5d 1m 3m 6m ytd 1y 3y 5y 10y, since:YYYY-MM-DD or a year',
  default: '1m',
  validate: (raw) => parsePeriod(raw),
  suggestions: [...FIXED_PERIODS, 'since:2025-01-01', '2024'],
});

export const vsOption = defineOption({
  name: 'vs',
  description: 'Large-cap benchmark',
  default: 'sp500',
  choices: LARGE_CHOICES,
});

export const smallOption = defineOption({
  name: 'small',
  description: 'Small-cap side',
  default: 'iwm',
  choices: SMALL_CHOICES,
});
