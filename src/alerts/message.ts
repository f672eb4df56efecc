/** The message a firing posts: what crossed, the value and the line, its date and source, how to remove it. */
import { metricField } from '../fields.ts';
import { display } from '../format.ts';
import type { Reply } from '../reply.ts';
import type { MetricValue } from './metrics.ts';
import { describeRule, formatLine, unitOf, type AlertRule } from './rule.ts';

export function alertReply(rule: AlertRule, value: MetricValue, chart?: Reply['chart']): Reply {
  const unit = unitOf(rule.kind);
  const shown = display(value.value, unit === 'cuts' ? 'cuts' : unit === '%' && rule.kind === 'cut' ? '' : unit);
  const valueText = rule.kind === 'cut' ? `${value.value.toFixed(1)}%` : shown;
  const crossed = rule.direction === 'change' ? `moved by ${valueText}` : `crossed ${rule.direction} ${formatLine(rule)}: ${valueText}`;
  const dated = value.stale ? `as of ${value.asOf} (stale data)` : `as of ${value.asOf}`;
  const reply: Reply = {
    title: `Alert: ${describeRule(rule)}`,
    commentary: `${value.label} ${crossed}, ${dated}, from ${value.source}.`,
    sections: [
      {
        title: 'Alert',
        fields: [
          metricField('value', 'Value', value.value, unit === 'cuts' ? 'cuts' : unit === 'pp' ? 'pp' : '%', valueText),
          metricField('line', rule.direction === 'change' ? 'Change of at least' : `Line (${rule.direction})`, rule.threshold, unit === 'cuts' ? 'cuts' : unit === 'pp' ? 'pp' : '%', formatLine(rule)),
        ],
      },
    ],
    sources: [{ name: value.source, asOf: value.asOf, stale: value.stale }],
    visibility: 'public',
    tone: rule.direction === 'below' ? 'negative' : rule.direction === 'above' ? 'positive' : 'neutral',
    notes: [`Fires once per crossing. Remove it with /smallcaps-admin alert remove ${rule.id} (Slack: /smallcaps alert remove ${rule.id}).`],
    data: { alert: { id: rule.id, kind: rule.kind, direction: rule.direction, threshold: rule.threshold }, value: value.value, asOf: value.asOf },
  };
  return chart ? { ...reply, chart } : reply;
}
