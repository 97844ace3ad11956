/**
 * Stream bytes (hex) as text: printable ASCII as is, line feeds and tabs kept
 * so requests read as they were sent (a CR before an LF is dropped), anything
 * else '.'. Shown as a text node, never as markup.
 */
export function streamText(hex: string): string {
  let out = '';
  const n = hex.length / 2;
  for (let i = 0; i < n; i++) {
    const b = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
    if (b === 0x0d && i + 1 < n && hex.slice(i * 2 + 2, i * 2 + 4) === '0a') continue;
    if (b === 0x0a || b === 0x09 || (b >= 0x20 && b < 0x7f)) out += String.fromCharCode(b);
    else out += '.';
  }
  return out;
}
