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

export const COLOUR_PATTERN = /^#[0-9a-f]{6}$/;
