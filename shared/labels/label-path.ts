/**
 * A label is hierarchical, `app/activity` (e.g. `WhatsApp/send-photo`); a label
 * without a slash names the app alone. The app is what comes before the first
 * slash, the activity everything after it, so free text (spaces, further
 * slashes) stays part of the activity. Models train at either level.
 */
export type LabelLevel = 'app' | 'activity';

export const MAX_LABEL_LENGTH = 200;

/** The app part: `WhatsApp` for `WhatsApp/send-photo` and for `WhatsApp`. */
export function labelApp(label: string): string {
  const slash = label.indexOf('/');
  return slash < 0 ? label : label.slice(0, slash);
}

/** The activity part, or null when the label names the app alone. */
export function labelActivity(label: string): string | null {
  const slash = label.indexOf('/');
  return slash < 0 ? null : label.slice(slash + 1);
}

/** The class a flow with this label falls in at a level (an app-only label stays itself at the activity level). */
export function labelAtLevel(label: string, level: LabelLevel): string {
  return level === 'app' ? labelApp(label) : label;
}

/** Whether `label` is `parent` or lies below it (`WhatsApp/send-photo` is within `WhatsApp`). */
export function labelWithin(label: string, parent: string): boolean {
  return label === parent || label.startsWith(`${parent}/`);
}

/**
 * Why a text is not a usable label, or null when it is. Free text is allowed;
 * what is refused would break the hierarchy or a CSV cell: control characters,
 * surrounding spaces, and empty parts (`/x`, `x/`, `a//b`).
 */
export function labelProblem(text: string): string | null {
  if (text.length === 0) return 'a label cannot be empty';
  if (text.length > MAX_LABEL_LENGTH) return `a label has at most ${MAX_LABEL_LENGTH} characters`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(text)) return 'a label cannot hold control characters (tabs, newlines)';
  if (text.trim() !== text) return 'a label cannot start or end with spaces';
  const parts = text.split('/');
  if (parts.some((p) => p.trim() === '')) return `"${text}" has an empty part: write app or app/activity`;
  if (parts.some((p) => p.trim() !== p)) return `"${text}" has spaces around a slash`;
  return null;
}
