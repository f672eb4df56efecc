/** `capwatch alerts check [--json] [--post]`: evaluates every alert rule now and says what fires. */
import type { AlertCheckResult } from './alerts/check.ts';
import { checkAlerts } from './alerts/check.ts';
import type { Io } from './cli-operator.ts';
import { InputError } from './command.ts';
import type { Deliverer } from './digest/deliverer.ts';
import type { App } from './main.ts';

export async function alertsCommand(app: App, args: string[], opts: { json: boolean; deliverers?: Deliverer[] }, io: Io): Promise<number> {
  if (args[0] !== 'check' || args.length > 1) throw new InputError(`Unknown alerts command "${args.join(' ')}".`, 'Use: capwatch alerts check [--json] [--post]');
  const post = opts.deliverers !== undefined;
  if (post && opts.deliverers!.length === 0) throw new InputError('alerts check --post needs Discord or Slack credentials (DISCORD_TOKEN, SLACK_BOT_TOKEN).');
  const result = await checkAlerts({
    repo: app.store.alerts,
    ...app.alerts,
    now: app.config.now,
    logger: app.logger,
    post,
    ...(opts.deliverers ? { deliverers: opts.deliverers } : {}),
    crossing: app.config.alerts.crossing,
    leaseSeconds: app.config.env.DIGEST_LEASE_SECONDS,
  });
  io.out(opts.json ? JSON.stringify(result, null, 2) : describe(result, post));
  return result.outcomes.some((o) => o.status.startsWith('failed')) ? 1 : 0;
}

function describe(result: AlertCheckResult, post: boolean): string {
  if (result.rules === 0) return `No alert rules (checked at ${result.at}).`;
  const lines = result.outcomes.map((o) => {
    const value = o.value === null ? 'no value' : `${Number(o.value.toFixed(2))} as of ${o.asOf}`;
    return `  ${o.ruleId} ${o.platform}:${o.channelId} ${o.metric}: ${value} -> ${o.fired ? (post ? o.status : 'fires') : o.status}`;
  });
  const firing = result.outcomes.filter((o) => o.fired).length;
  return [`${result.rules} rule(s), ${result.metricsEvaluated} metric(s) evaluated at ${result.at}; ${firing} fire${post ? '' : ' (dry run: add --post to send)'}:`, ...lines].join('\n');
}
