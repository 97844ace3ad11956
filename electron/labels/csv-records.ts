/** One CSV record and the (1-based) line it starts on, for reports a user can find in an editor. */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/**
 * RFC 4180 records: commas, double-quoted cells with "" for a quote, quoted
 * cells spanning lines, CRLF or LF. A leading UTF-8 BOM (Excel writes one) is
 * dropped. Blank lines are skipped. Returns records with their line numbers;
 * an unterminated quote is reported as the record's problem, not thrown.
 */
export function* csvRecords(text: string): Generator<CsvRecord & { problem?: string }> {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  const n = text.length;
  while (i < n) {
    const start = line;
    const cells: string[] = [];
    let cell = '';
    let problem: string | undefined;
    for (;;) {
      if (i < n && text[i] === '"') {
        // A quoted cell: to the closing quote, "" standing for one quote.
        i++;
        for (;;) {
          if (i >= n) {
            problem = 'a quoted cell is never closed';
            break;
          }
          const c = text[i];
          if (c === '"') {
            if (text[i + 1] === '"') {
              cell += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (c === '\n') line++;
          cell += c;
          i++;
        }
        // Text after a closing quote (`"a"b`) is kept, as spreadsheet programs do.
      }
      while (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') cell += text[i++];
      cells.push(cell);
      cell = '';
      if (i < n && text[i] === ',') {
        i++;
        continue;
      }
      break;
    }
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;
    line++;
    if (cells.length === 1 && cells[0].trim() === '' && !problem) continue;
    yield problem ? { line: start, cells, problem } : { line: start, cells };
  }
}
