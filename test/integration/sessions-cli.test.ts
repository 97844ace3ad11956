import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { interactiveScenario } from '../generators/interactive-sessions';
import { jsonl, runCli } from '../support/cli';
import { tempDir } from '../support/tmp';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

/** Labelled rows whose classes the rule baseline and a model can both tell apart. */
function labelledCsv(): string {
  const rows = ['hour,minutes,cmds,failures,proto,wpm,Label'];
  for (let i = 0; i < 40; i++) {
    rows.push(i % 4 === 0 ? `${i % 5},${2 + (i % 3)},${60 + i},${3 + (i % 3)},TOR,${110 + i}, Suspicious` : `${9 + (i % 9)},${20 + i},${5 + (i % 7)},${i % 2},HTTPS,${35 + (i % 20)},Normal`);
  }
  rows.push('99,1,1,0,SSH,40,Normal');
  return `${rows.join('\n')}\n`;
}

describe('flowsight sessions CLI', () => {
  const c = tmp.path('s.flowsight');
  const csv = tmp.path('labelled.csv');
  writeFileSync(csv, labelledCsv());

  it('imports a CSV with mapped columns, reporting rejected rows by line', () => {
    const r = runCli(['sessions-import', '--quiet', '--case', c, '--map', 'LoginHour=hour', csv]);
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([`${csv}:42: LoginHour: 99 is not an hour 0–23`, `${csv}: 40 records (30 Normal, 10 Suspicious, 40 labelled), 1 rejected; classified by baseline:rules-v1`]);
  });

  it('refuses a file with missing columns before importing, naming the columns it has', () => {
    const bad = tmp.path('bad.csv');
    writeFileSync(bad, 'a,b\n1,2\n');
    const r = runCli(['sessions-import', '--quiet', '--case', c, bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`flowsight: ${bad}: missing columns LoginHour, SessionDuration, CommandsCount, FailedLogins, Protocol, TypingSpeed\n  the file's columns: a, b`);
  });

  it('prints the records with their prediction columns as JSONL and CSV', () => {
    const rows = jsonl(runCli(['sessions', '--case', c]).stdout);
    expect(rows).toHaveLength(40);
    expect(Object.keys(rows[0])).toEqual(['id', 'createdAt', 'source', 'loginHour', 'sessionDuration', 'commandsCount', 'failedLogins', 'protocol', 'typingSpeed', 'label', 'prediction', 'confidence', 'classifier', 'reason', 'importId', 'line', 'flowId']);
    expect(rows.at(-1)).toMatchObject({ id: 1, source: 'csv', loginHour: 0, protocol: 'TOR', label: 'Suspicious', prediction: 'Suspicious', classifier: 'baseline:rules-v1', line: 2 });
    const sus = runCli(['sessions', '--case', c, '--format', 'csv', '--where', 'prediction=Suspicious', 'protocol=TOR']).stdout.trim().split('\n');
    expect(sus[0]).toBe('id,createdAt,source,loginHour,sessionDuration,commandsCount,failedLogins,protocol,typingSpeed,label,prediction,confidence,classifier,reason,importId,line,flowId');
    expect(sus).toHaveLength(11);
    expect(runCli(['sessions', '--case', c, '--limit', '3']).stdout.trim().split('\n')).toHaveLength(3);
    expect(runCli(['sessions', '--case', c, '--where', 'nope=1']).code).toBe(2);
  });

  it('trains a model, reports its evaluation against the baseline and makes it the classifier', () => {
    const r = runCli(['sessions-train', '--quiet', '--case', c, '--folds', '5']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(out).toMatchObject({ model: 'model:1', records: 40, normal: 30, suspicious: 10, accuracy: 1, baselineAccuracy: 1, confusion: [[30, 0], [0, 10]], active: true });
    expect(r.stderr).toBe('model:1: 5-fold accuracy 100.0%, macro F1 100.0% (rule baseline: 100.0%); now the case’s classifier\n');
    // New imports are classified by the model now.
    const more = tmp.path('more.csv');
    writeFileSync(more, 'LoginHour,SessionDuration,CommandsCount,FailedLogins,Protocol,TypingSpeed\n1,2,90,5,TOR,150\n');
    expect(runCli(['sessions-import', '--quiet', '--case', c, more]).stderr).toContain('1 records (0 Normal, 1 Suspicious, 0 labelled), 0 rejected; classified by model:1');
    expect(jsonl(runCli(['sessions', '--case', c, '--limit', '1']).stdout)[0]).toMatchObject({ classifier: 'model:1', prediction: 'Suspicious' });
  });

  it('derives session records from a capture (generated SSH/Telnet/FTP scenario)', () => {
    const pcap = tmp.path('interactive.pcap');
    interactiveScenario(pcap);
    const t = tmp.path('traffic.flowsight');
    expect(runCli(['ingest', '--quiet', '--case', t, pcap]).code).toBe(0);
    const r = runCli(['sessions-derive', '--quiet', '--case', t]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('7 interactive connections: 3 sessions (2 Normal, 1 Suspicious), 4 failed login attempts; classified by baseline:rules-v1\n');
    const rows = jsonl(runCli(['sessions', '--case', t, '--where', 'source=traffic']).stdout);
    expect(rows.map((x) => [x.protocol, x.loginHour, x.failedLogins, x.commandsCount, x.typingSpeed, x.prediction]).sort()).toEqual([
      ['FTP', 10, 1, 6, 0, 'Normal'],
      ['SSH', 22, 3, 2, 65.9, 'Normal'],
      ['Telnet', 3, 0, 1, 240, 'Suspicious'],
    ]);
  });
});
