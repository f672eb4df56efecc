import { defineCommand, InputError, type CommandDecl } from '../src/command.ts';
import { usageOf } from '../src/parse-line.ts';
import type { Reply } from '../src/reply.ts';


export default defineCommand({
  name: 'help',
  description: 'What I can answer, and how to ask',
  options: [{ name: 'command', description: 'A command to explain' }],
  examples: ['help', 'help performance'],
  keywords: ['help', 'commands', 'how', 'usage'],
  async run(ctx, options): Promise<Reply> {
    const commands = (ctx.services.commands ?? []) as readonly CommandDecl[];
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
