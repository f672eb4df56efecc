/** Autocomplete suggestions for an option: its choices (when too many to register) or its suggestions. */
import type { OptionDecl } from '../../src/command.ts';
import { LIMITS, truncate } from './limits.ts';

export interface AutocompleteChoice {
  name: string;
  value: string;
}

const fold = (s: string) => s.trim().toLowerCase();

export function autocompleteChoices(option: OptionDecl, typed: string): AutocompleteChoice[] {
  const query = fold(typed);
  const candidates: (AutocompleteChoice & { words: string[] })[] = option.choices
    ? option.choices.map((c) => ({ name: c.label, value: c.value, words: [c.value, c.label, ...(c.aliases ?? [])] }))
    : (option.suggestions ?? []).map((s) => ({ name: s, value: s, words: [s] }));

  const starts = candidates.filter((c) => c.words.some((w) => fold(w).startsWith(query)));
  const contains = candidates.filter((c) => !starts.includes(c) && c.words.some((w) => fold(w).includes(query)));
  const out: AutocompleteChoice[] = [...starts, ...contains].map(({ name, value }) => ({ name, value }));

  // An open value the user typed that validates (e.g. "since:2024-03-01") is offered first.
  if (query && !option.choices && !out.some((c) => fold(c.value) === query) && isValid(option, typed.trim())) {
    out.unshift({ name: typed.trim(), value: typed.trim() });
  }
  return out.slice(0, LIMITS.choices).map((c) => ({ name: truncate(c.name, LIMITS.choiceName), value: c.value.slice(0, 100) }));
}

function isValid(option: OptionDecl, raw: string): boolean {
  if (!option.validate) return false;
  try {
    option.validate(raw);
    return true;
  } catch {
    return false;
  }
}
