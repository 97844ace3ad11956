import { describe, expect, it } from 'vitest';
import { csvRecords } from '../../../electron/labels/csv-records';

describe('csvRecords', () => {
  it('reads RFC 4180: quotes, doubled quotes, commas and newlines in quotes, CRLF, a BOM, blank lines; each record with its first line', () => {
    const text = '\ufeffa,b,c\r\n1,"x, y","say ""hi"""\r\n\r\n2,"two\nlines",z\n3,,\n';
    expect([...csvRecords(text)]).toEqual([
      { line: 1, cells: ['a', 'b', 'c'] },
      { line: 2, cells: ['1', 'x, y', 'say "hi"'] },
      { line: 4, cells: ['2', 'two\nlines', 'z'] },
      { line: 6, cells: ['3', '', ''] },
    ]);
  });

  it('reports an unclosed quote as the record\'s problem instead of throwing', () => {
    expect([...csvRecords('a,b\n1,"open\n')]).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', 'open\n'], problem: 'a quoted cell is never closed' },
    ]);
  });

  it('reads a last line without a newline', () => {
    expect([...csvRecords('a\nb')]).toEqual([{ line: 1, cells: ['a'] }, { line: 2, cells: ['b'] }]);
  });
});
