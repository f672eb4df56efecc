import { defineCommand, InputError, type CommandContext } from '../src/command.ts';
import { LARGE_CHOICES, SMALL_CHOICES } from '../src/instruments.ts';
import type { AlertRepository, StoredAlertRule } from '../src/alerts/repository.ts';
import { ALERT_KINDS, MAX_RULES_PER_CHANNEL, MOVE_WINDOWS, alertUsage, describeRule, parseRuleSpec } from '../src/alerts/rule.ts';
import type { Reply } from '../src/reply.ts';

const ACTIONS = [...ALERT_KINDS, 'list', 'remove'] as const;

function alertContext(ctx: CommandContext): { repo: AlertRepository; platform: 'discord' | 'slack'; channelId: string } {
  const repo = ctx.services.alerts;
  if (!repo) throw new InputError('Alerts are not available in this mode.');
  const actor = ctx.invocation.actor;
  if (!actor?.channelId || (actor.platform !== 'discord' && actor.platform !== 'slack')) {
    throw new InputError('Alerts are per Discord or Slack channel; run this command in one.');
  }
  return { repo, platform: actor.platform, channelId: actor.channelId };
}

const isNumber = (text: string | undefined) => text !== undefined && /^[+-]?\d+(\.\d+)?(pp|%|cuts?)?$/i.test(text.trim());

function listReply(rules: StoredAlertRule[]): Reply {
  return {
    title: rules.length ? `Alerts in this channel (${rules.length}/${MAX_RULES_PER_CHANNEL})` : 'No alerts in this channel',
    commentary: rules.length ? 'Each fires once per crossing, then re-arms when the value comes back.' : `Add one, e.g. ${alertUsage()}.`,
    sections: [],
    ...(rules.length ? { table: { columns: ['id', 'rule', 'state'], rows: rules.map((r) => [r.id, describeRule(r), r.state.armed ? 'armed' : 'waiting to re-arm']) } } : {}),
    sources: [],
    visibility: 'ephemeral',
    tone: 'neutral',
    data: { alerts: rules.map(({ state, ...rule }) => ({ ...rule, armed: state.armed, fired: state.fired })) },
  };
}

export default defineCommand({
  name: 'alert',
  description: 'Post in this channel when small caps or rate-cut odds cross a line (needs manage permission)',
  permission: 'manage',
  options: [
    { name: 'action', description: 'What to watch, or list/remove', required: true, choices: ACTIONS.map((a) => ({ value: a, label: a })) },
    { name: 'target', description: 'Period (spread), instrument (move), meeting (cut, cuts, odds-change) or rule id (remove)', suggestions: ['1m', '3m', 'ytd', 'iwm', 'next', 'yearend'] },
    { name: 'threshold', description: 'The line: pp for spreads and odds changes, % for moves and cut odds, a count for cuts' },
    { name: 'direction', description: 'Fire when the value goes above or below the line', choices: [{ value: 'above', label: 'above' }, { value: 'below', label: 'below' }] },
    { name: 'window', description: 'Move window', choices: MOVE_WINDOWS.map((w) => ({ value: w, label: w })) },
    { name: 'by', description: 'Cumulative horizon: a meeting or yearend (cut, cuts)', suggestions: ['yearend', 'next', 'dec'] },
    { name: 'small', description: 'Small-cap side (spread)', choices: SMALL_CHOICES },
    { name: 'vs', description: 'Large-cap benchmark (spread)', choices: LARGE_CHOICES },
  ],
  examples: ['alert spread 1m above 5', 'alert move iwm 1d below -3', 'alert cut next above 60', 'alert cuts by:yearend above 3', 'alert odds-change next 10', 'alert list', 'alert remove k7m2qp'],
  async run(ctx, options): Promise<Reply> {
    const { repo, platform, channelId } = alertContext(ctx);
    const action = options.action ?? '';
    if (action === 'list') return listReply(await repo.listChannel(platform, channelId));
    if (action === 'remove') {
      const id = options.target?.trim();
      if (!id) throw new InputError('Which alert? Give its id.', 'See the ids with "alert list".');
      const removed = await repo.remove(platform, channelId, id);
      if (!removed) throw new InputError(`There is no alert ${id} in this channel.`, 'See the ids with "alert list".');
      return { title: 'Alert removed', commentary: `Alert ${id} will no longer post here.`, sections: [], sources: [], visibility: 'public', tone: 'neutral', data: { removed: id } };
    }
    // Positional text puts a lone number where the target goes when the instrument came as a choice ("move iwm 1d below -3").
    let { target, threshold } = options;
    if (threshold === undefined && isNumber(target)) [threshold, target] = [target, undefined];
    const cumulative = options.by !== undefined;
    const spec = parseRuleSpec({ kind: action, target: cumulative ? `by:${options.by}` : target, threshold, direction: options.direction, window: options.window, small: options.small, vs: options.vs });
    const actor = ctx.invocation.actor!;
    const rule = await repo.create({ ...spec, platform, channelId, ...(actor.guildId ? { guildId: actor.guildId } : {}), createdBy: actor.userId }, MAX_RULES_PER_CHANNEL, ctx.now());
    if (!rule) throw new InputError(`This channel already has ${MAX_RULES_PER_CHANNEL} alerts, the most it can have.`, 'Remove one with "alert remove <id>" first.');
    return {
      title: 'Alert set',
      commentary: `I'll post here once when the ${describeRule(rule)}, and again only after it has come back and crossed again. Remove it with "alert remove ${rule.id}".`,
      sections: [],
      sources: [],
      visibility: 'public',
      tone: 'neutral',
      data: { alert: rule },
    };
  },
});
