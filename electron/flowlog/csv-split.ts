import { RowError } from './row-error';

/**
 * Splits one CSV line (RFC 4180 quoting: "a,b" and "" for a quote). A quoted
 * field may not span lines: the file is read line by line so that it never
 * sits in memory, and flow logs do not put line breaks in fields.
 */
export function splitCsv(line: string, delimiter: string): string[] {
  if (!line.includes('"')) return line.split(delimiter);
  const out: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < line.length) {
    const c = line[i];
    if (quoted) {
      if (c === '"') {
        if (line[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === delimiter) {
      out.push(field);
      field = '';
    } else field += c;
    i++;
  }
  if (quoted) throw new RowError('syntax', 'a quoted field is not closed on this line');
  out.push(field);
  return out;
}

/** The delimiter a header line uses: comma, tab or semicolon, whichever splits it most. */
export function guessDelimiter(header: string): string {
  const counts = [',', '\t', ';'].map((d) => [d, header.split(d).length] as const);
  return counts.sort((a, b) => b[1] - a[1])[0][0];
}
