import { describe, expect, it } from 'vitest';
import { createChartService } from '../../src/charts/index.ts';
import { performanceData } from './fixtures.ts';

describe('chart rendering and the rest of the process', () => {
  it('leaves built-in prototypes as it found them, so discord.js still loads after a chart', async () => {
    await createChartService().performance(performanceData());
    expect(Object.hasOwn(Set.prototype, 'toJSON')).toBe(false);
    await expect(import('discord.js')).resolves.toHaveProperty('Client');
  });
});
