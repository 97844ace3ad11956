import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { openCaseDb, type CaseDb } from '../../../electron/cases/case-db';
import { predictionPage, sessionAnalytics } from '../../../electron/cases/session-queries';
import { CsvFileError } from '../../../electron/fingerprint/csv-file-error';
import { importSessionCsv } from '../../../electron/fingerprint/import-session-csv';
import { previewSessionCsv } from '../../../electron/fingerprint/preview-session-csv';
import { tempDir } from '../../support/tmp';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

let n = 0;
function freshCase(): CaseDb {
  return openCaseDb(tmp.path(`c${++n}.flowsight`), { create: true });
}
function file(name: string, content: string | Buffer): string {
  const p = tmp.path(name);
  writeFileSync(p, content);
  return p;
}

const HEADER = 'LoginHour,SessionDuration,CommandsCount,FailedLogins,Protocol,TypingSpeed';

describe('session CSV import', () => {
  it("classifies the seed's Test 4 file: 2 Normal, 1 Suspicious, stored with line numbers", async () => {
    const db = freshCase();
    const r = await importSessionCsv(db, file('test.csv', `${HEADER}\n9,40,10,0,HTTPS,45\n2,5,80,4,TOR,120\n14,30,5,0,HTTPS,35\n`));
    expect(r).toMatchObject({ total: 3, normal: 2, suspicious: 1, rejected: 0, errors: [], classifier: 'baseline:rules-v1', file: 'test.csv' });
    const page = predictionPage(db, { sort: [{ field: 'line', dir: 'asc' }] });
    expect(page.rows.map((p) => [p.line, p.prediction, p.confidence, p.reason])).toEqual([
      [2, 'Normal', 0.9, 'no indicator'],
      [3, 'Suspicious', 0.9, 'night-login, failed-logins, anonymising-protocol, machine-typing, command-burst'],
      [4, 'Normal', 0.9, 'no indicator'],
    ]);
    expect(page.rows[1]).toMatchObject({ loginHour: 2, sessionDuration: 5, commandsCount: 80, failedLogins: 4, protocol: 'TOR', typingSpeed: 120, source: 'csv' });
    const a = sessionAnalytics(db);
    expect(a).toMatchObject({ total: 3, normal: 2, suspicious: 1, normalPercent: 66.7, suspiciousPercent: 33.3 });
    expect(a.byProtocol).toEqual([
      { protocol: 'HTTPS', total: 2, normal: 2, suspicious: 0 },
      { protocol: 'TOR', total: 1, normal: 0, suspicious: 1 },
    ]);
    db.close();
  });

  it('keeps good rows and reports every bad one by line and reason', async () => {
    const db = freshCase();
    const csv = [
      HEADER, // line 1
      '9,40,10,0,HTTPS,45', // 2 ok
      '24,40,10,0,HTTPS,45', // 3 hour out of range
      '9,-1,10,0,SSH,45', // 4 negative
      '9,40,abc,0,SSH,45', // 5 not a number
      '9,40,10,1.5,SSH,45', // 6 not whole
      '9,40,10,0,Gopher,45', // 7 protocol
      '9,40,10', // 8 too few fields
      '', // 9 blank: skipped
      '"10",40,10,0,"ssh",45', // 10 ok (quoted, lower-case protocol)
      '7,,10,0,FTP,', // 11 two empty fields
    ].join('\r\n');
    const r = await importSessionCsv(db, file('bad-rows.csv', csv));
    expect(r).toMatchObject({ total: 2, rejected: 7, errorsTruncated: false });
    expect(r!.errors).toEqual([
      { line: 3, reason: 'LoginHour: 24 is not an hour 0–23' },
      { line: 4, reason: 'SessionDuration: -1 is negative' },
      { line: 5, reason: 'CommandsCount: "abc" is not a number' },
      { line: 6, reason: 'FailedLogins: 1.5 is not a whole number' },
      { line: 7, reason: 'Protocol: "Gopher" is not one of HTTPS, SSH, FTP, TOR, Telnet, RDP, Other' },
      { line: 8, reason: 'has 3 fields, the header has 6' },
      { line: 11, reason: 'SessionDuration is empty; TypingSpeed is empty' },
    ]);
    expect(predictionPage(db, {}).rows.map((p) => [p.line, p.protocol]).sort()).toEqual([
      [10, 'SSH'],
      [2, 'HTTPS'],
    ]);
    db.close();
  });

  it('maps other column names, takes HH:MM hours, a semicolon separator and a Label column', async () => {
    const db = freshCase();
    const p = file('mapped.csv', '\ufeffhour;minutes;cmds;failures;proto;wpm;class\n03:15;5;3;4;tor;120;Suspicious\n10:00;30;12;0;HTTPS;40;normal\n');
    const preview = await previewSessionCsv(p);
    expect(preview.delimiter).toBe(';');
    expect(preview.suggested).toEqual({ LoginHour: 'hour', SessionDuration: 'minutes', CommandsCount: 'cmds', FailedLogins: 'failures', Protocol: 'proto', TypingSpeed: 'wpm', Label: 'class' });
    const r = await importSessionCsv(db, p, { mapping: { LoginHour: 'hour' } });
    expect(r).toMatchObject({ total: 2, labelled: 2, suspicious: 1, normal: 1 });
    expect(predictionPage(db, { sort: [{ field: 'line', dir: 'asc' }] }).rows.map((x) => [x.loginHour, x.label])).toEqual([
      [3, 'Suspicious'],
      [10, 'Normal'],
    ]);
    db.close();
  });

  it('refuses malformed files as a whole, saying why, and stores nothing', async () => {
    const db = freshCase();
    const cases: [string, string | Buffer, RegExp][] = [
      ['empty.csv', '', /the file is empty/],
      ['blank.csv', '\n\n', /no header line/],
      ['missing.csv', 'LoginHour,SessionDuration,Protocol\n1,2,SSH\n', /missing columns CommandsCount, FailedLogins, TypingSpeed/],
      ['utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${HEADER}\n`, 'utf16le')]), /UTF-16 encoded/],
      ['binary.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2]), /not text/],
      ['twice.csv', `${HEADER},Protocol\n`, /names the column "Protocol" twice/],
    ];
    for (const [name, content, why] of cases) {
      const err = await importSessionCsv(db, file(name, content)).catch((e: unknown) => e);
      expect(err, name).toBeInstanceOf(CsvFileError);
      expect((err as Error).message, name).toMatch(why);
    }
    const wrongMap = await importSessionCsv(db, file('ok.csv', `${HEADER}\n1,2,3,0,SSH,4\n`), { mapping: { LoginHour: 'hour' } }).catch((e: unknown) => e);
    expect((wrongMap as CsvFileError).message).toBe('ok.csv: LoginHour is mapped to "hour", but the file has no such column');
    expect((wrongMap as CsvFileError).details).toEqual([`the file's columns: ${HEADER.split(',').join(', ')}`]);
    expect(predictionPage(db, {}).total).toBe(0);
    expect(db.prepare('SELECT count(*) AS n FROM session_imports').get()).toEqual({ n: 0 });
    db.close();
  });

  it('reports a line that is not UTF-8 by its byte and column and keeps the others', async () => {
    const db = freshCase();
    const bad = Buffer.concat([Buffer.from(`${HEADER}\n9,40,10,0,HTTPS,45\n9,40,10,0,SS`), Buffer.from([0xe9]), Buffer.from('H,45\n14,30,5,0,HTTPS,35\n')]);
    const r = await importSessionCsv(db, file('latin1.csv', bad));
    expect(r).toMatchObject({ total: 2, rejected: 1 });
    expect(r!.errors).toEqual([{ line: 3, reason: 'not valid UTF-8 (byte 0xE9 at column 13); save the file as UTF-8' }]);
    db.close();
  });

  it('stops when cancelled and removes what it wrote', async () => {
    const db = freshCase();
    const rows = Array.from({ length: 12_000 }, (_, i) => `${i % 24},30,10,0,SSH,40`);
    let checks = 0;
    const r = await importSessionCsv(db, file('cancel.csv', `${HEADER}\n${rows.join('\n')}\n`), { shouldStop: () => ++checks > 1 });
    expect(r).toBeNull();
    expect(checks).toBe(2);
    expect(db.prepare('SELECT (SELECT count(*) FROM session_records) AS records, (SELECT count(*) FROM session_predictions) AS predictions, (SELECT count(*) FROM session_imports) AS imports').get()).toEqual({
      records: 0,
      predictions: 0,
      imports: 0,
    });
    db.close();
  });

  it('imports a batch of 100k rows, 1 in 10 bad, with exact counts', async () => {
    const db = freshCase();
    const lines = [HEADER];
    let suspicious = 0;
    for (let i = 0; i < 100_000; i++) {
      if (i % 10 === 9) {
        lines.push(`${i % 24},x,1,0,SSH,40`);
        continue;
      }
      // Every 7th row fires night-login, failed-logins and TOR; the rest fire nothing.
      const bad = i % 7 === 0;
      if (bad) suspicious++;
      lines.push(bad ? `3,5,3,4,TOR,50` : `${9 + (i % 8)},30,10,0,HTTPS,40`);
    }
    const r = await importSessionCsv(db, file('big.csv', `${lines.join('\n')}\n`));
    expect(r).toMatchObject({ total: 90_000, suspicious, normal: 90_000 - suspicious, rejected: 10_000, errorsTruncated: true });
    expect(r!.errors).toHaveLength(1000);
    expect(r!.errors[0]).toEqual({ line: 11, reason: 'SessionDuration: "x" is not a number' });
    expect(sessionAnalytics(db)).toMatchObject({ total: 90_000, suspicious });
    db.close();
  });
});
