/**
 * Default label colours: one hue per app (hashed from its name, so the same app
 * gets the same colour in every case and view), so activities of one app read
 * as a family until the user picks colours of their own.
 */
const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac', '#1f77b4', '#d62728'];

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

export function defaultLabelColour(app: string): string {
  return PALETTE[hash(app) % PALETTE.length];
}

/**
 * A new app's colour: its default, unless another app of the case has it
 * already (a 12-colour palette collides soon); then the next free one in the
 * palette, so apps side by side in the counts and the table stay apart.
 */
export function distinctLabelColour(app: string, taken: ReadonlySet<string>): string {
  const start = hash(app) % PALETTE.length;
  for (let i = 0; i < PALETTE.length; i++) {
    const c = PALETTE[(start + i) % PALETTE.length];
    if (!taken.has(c)) return c;
  }
  return PALETTE[start];
}

export const COLOUR_PATTERN = /^#[0-9a-f]{6}$/;
