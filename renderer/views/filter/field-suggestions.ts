import { filterFields } from '../../../shared/filter';

export interface FieldSuggestions {
  /** The partial name being typed: text[start, end) is replaced by the chosen name. */
  start: number;
  end: number;
  items: { name: string; description: string }[];
}

const NAME_CHAR = /[A-Za-z0-9_.]/;

/**
 * Field names that complete the word before the caret: names starting with it
 * first, then names containing it. Nothing inside a quoted string, for a value
 * (a word starting with a digit) or for a name already complete.
 */
export function suggestFields(text: string, caret: number, limit = 8): FieldSuggestions | null {
  let start = caret;
  while (start > 0 && NAME_CHAR.test(text[start - 1])) start--;
  let end = caret;
  while (end < text.length && NAME_CHAR.test(text[end])) end++;
  const word = text.slice(start, caret).toLowerCase();
  if (!word || /^[0-9]/.test(word)) return null;
  if ((text.slice(0, start).match(/"/g) ?? []).length % 2 === 1) return null;
  const prefix = filterFields.filter((f) => f.name.startsWith(word));
  const inside = filterFields.filter((f) => !f.name.startsWith(word) && f.name.includes(word));
  const items = [...prefix, ...inside].filter((f) => f.name !== text.slice(start, end)).slice(0, limit);
  return items.length ? { start, end, items: items.map((f) => ({ name: f.name, description: f.description })) } : null;
}
