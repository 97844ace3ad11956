/** A run of bytes on one line that belong to the same layer. */
export interface HexRun {
  layer: string | null;
  hex: string;
  ascii: string;
}

export interface HexLine {
  offset: string;
  runs: HexRun[];
}

const PER_LINE = 16;

/** A byte as the ASCII column shows it: printable ASCII, anything else '.'. */
export function asciiOf(b: number): string {
  return b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.';
}

/** The layer a byte belongs to: the last one starting at or before it. */
function layerAt(layers: readonly [string, number][], i: number): string | null {
  let name: string | null = null;
  for (const [n, off] of layers) if (off <= i) name = n;
  return name;
}

/**
 * A hex string as dump lines (offset, 16 bytes, ASCII), each line split into
 * runs by layer so the view can colour the headers. Bytes are text here and
 * stay text in the view.
 */
export function hexLines(hex: string, layers: readonly [string, number][]): HexLine[] {
  const sorted = [...layers].sort((a, b) => a[1] - b[1]);
  const bytes = hex.length / 2;
  const lines: HexLine[] = [];
  for (let start = 0; start < bytes; start += PER_LINE) {
    const runs: HexRun[] = [];
    for (let i = start; i < Math.min(bytes, start + PER_LINE); i++) {
      const b = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
      const layer = layerAt(sorted, i);
      const gap = i - start === 7 ? '  ' : ' ';
      const last = runs[runs.length - 1];
      if (last && last.layer === layer) {
        last.hex += hex.slice(i * 2, i * 2 + 2) + gap;
        last.ascii += asciiOf(b);
      } else runs.push({ layer, hex: hex.slice(i * 2, i * 2 + 2) + gap, ascii: asciiOf(b) });
    }
    lines.push({ offset: start.toString(16).padStart(4, '0'), runs });
  }
  return lines;
}
