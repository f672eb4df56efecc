import { defineCommand, InputError } from '../src/command.ts';
import { usageOf } from '../src/parse-line.ts';
import type { Reply } from '../src/reply.ts';


export default defineCommand({
  name: 'help',
  description: 'What I can answer, and how to ask',
  options: [{ name: 'command', description: 'A command to explain' }],
  examples: ['help', 'help performance'],
  questions: {
    phrases: [
      { weight: 1.0, pattern: /\bhelp\b/ },
      { weight: 1.0, pattern: /^(?:help|usage)(?: (?:with|on|for))?(?: the)?(?: [a-z]+)?(?: command)?$/ },
      { weight: 1.8, pattern: /\bcommands?\b/ },
      {
        weight: 0.9,
        pattern:
          /\b(?:what (?:can|do|does|else can) (?:you|this bot|the bot|this thing|capwatch|it) do|how (?:do|does|can|should) (?:i|we|you|this|it|the bot|this bot|this thing)(?: \w+)? (?:use|work)|how to use|usage|syntax|capabilities|who are you|what are you)\b|\bwhat (?:questions |things |stuff |else )?(?:can|should|do) i (?:ask|say|type)(?: (?:you|the bot|this bot|capwatch|it|here))?$|\bwhat (?:do|can) you (?:know|cover|support|answer)$/,
      },
      // A question never subscribes a channel: asking about it gets help on the command.
      { weight: 2.0, pattern: /\b(?:subscribe|unsubscribe|subscriptions?|sign up|stop sending|turn off)\b/ },
    ],
    words: ['help', 'commands', 'command', 'usage', 'instructions', 'subscribe', 'unsubscribe', 'subscription'],
    offer: 'help',
  },
  async run(ctx, options): Promise<Reply> {
    const commands = ctx.services.commands ?? [];
    const wanted = options.command?.toLowerCase();
    if (wanted) {
      const c = commands.find((x) => x.name === wanted);
      if (!c) throw new InputError(`There is no command "${wanted}".`, `Commands: ${commands.map((x) => x.name).join(', ')}.`);
      return {
        title: `/smallcaps ${usageOf(c)}`,
        commentary: c.description,
        sections: [],
        table: {
          columns: ['Option', 'What it takes', 'Default'],
          rows: c.options.map((o) => [o.name, o.choices ? o.choices.map((ch) => ch.value).join(', ') : o.description, o.default ?? '']),
        },
        notes: [...(c.details ?? []), ...(c.examples ?? []).map((e) => `Example: /smallcaps ${e}`)],
        sources: [],
        visibility: 'ephemeral',
        tone: 'neutral',
      };
    }
    return {
      title: 'capwatch: small caps vs large caps',
      commentary: 'Ask with /smallcaps <command>, or mention me with a question such as "are small caps cheap vs large caps?".',
      sections: [],
      table: { columns: ['Command', 'What it answers'], rows: commands.map((c) => [`/smallcaps ${usageOf(c)}`, c.description]) },
      sources: [],
      visibility: 'ephemeral',
      tone: 'neutral',
    };
  },
});
