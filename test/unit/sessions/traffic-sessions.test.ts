import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCaseDb, type CaseDb } from '../../../electron/cases/case-db';
import { DirectCaseWriter } from '../../../electron/cases/case-writer';
import { predictionPage } from '../../../electron/cases/session-queries';
import { deriveTrafficSessions } from '../../../electron/fingerprint/derive-traffic-sessions';
import { ingestFiles } from '../../../electron/ingest/ingest-files';
import { interactiveScenario } from '../../generators/interactive-sessions';
import { corpus } from '../../support/corpus';
import { tempDir } from '../../support/tmp';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

async function caseFrom(files: string[], name: string): Promise<CaseDb> {
  const db = openCaseDb(tmp.path(name), { create: true });
  const writer = new DirectCaseWriter(db);
  await ingestFiles(writer, files);
  await writer.close();
  return db;
}

describe('sessions derived from traffic (generated SSH/Telnet/FTP scenario)', () => {
  let db: CaseDb;
  beforeAll(async () => {
    const pcap = tmp.path('interactive.pcap');
    interactiveScenario(pcap);
    db = await caseFrom([pcap], 'interactive.flowsight');
  });
  afterAll(() => db.close());

  it('finds the three sessions with their ground-truth attributes', () => {
    const r = deriveTrafficSessions(db);
    // 4 SSH + 2 FTP control + 1 Telnet connections; 4 of them are failed attempts.
    expect(r).toEqual({ connections: 7, sessions: 3, attempts: 4, normal: 2, suspicious: 1, classifier: 'baseline:rules-v1' });
    const rows = predictionPage(db, { sort: [{ field: 'loginHour', dir: 'asc' }] }).rows;
    const flows = db.prepare('SELECT id, src_port, first_ts, last_ts FROM flows').all() as { id: number; src_port: number; first_ts: number; last_ts: number }[];
    const flow = (port: number) => flows.find((f) => f.src_port === port)!;
    const minutes = (port: number) => Math.round(((flow(port).last_ts - flow(port).first_ts) / 60) * 1000) / 1000;
    expect(rows.map(({ loginHour, sessionDuration, commandsCount, failedLogins, protocol, typingSpeed, flowId, source }) => ({ loginHour, sessionDuration, commandsCount, failedLogins, protocol, typingSpeed, flowId, source }))).toEqual([
      // 12 keystrokes 50 ms apart in one run: 11 intervals in 0.55 s = 2.2 words in 0.55 s = 240 wpm.
      { loginHour: 3, sessionDuration: minutes(40000), commandsCount: 1, failedLogins: 0, protocol: 'Telnet', typingSpeed: 240, flowId: flow(40000).id, source: 'traffic' },
      // Six command lines; line-based, so no typing speed; one failed attempt 30 s before.
      { loginHour: 10, sessionDuration: minutes(41001), commandsCount: 6, failedLogins: 1, protocol: 'FTP', typingSpeed: 0, flowId: flow(41001).id, source: 'traffic' },
      // Two runs: 9 intervals of 0.2 s and 5 of 0.15 s = 14 intervals in 2.55 s = 2.8 words in 2.55 s = 65.9 wpm.
      { loginHour: 22, sessionDuration: minutes(50010), commandsCount: 2, failedLogins: 3, protocol: 'SSH', typingSpeed: 65.9, flowId: flow(50010).id, source: 'traffic' },
    ]);
    expect(minutes(50010)).toBe(1.667);
    // Telnet: night login and machine typing (2 indicators); SSH at 22:00 with 3 failures: failed-logins only.
    expect(rows.map((p) => [p.protocol, p.prediction, p.reason])).toEqual([
      ['Telnet', 'Suspicious', 'night-login, machine-typing'],
      ['FTP', 'Normal', 'no indicator'],
      ['SSH', 'Normal', 'failed-logins'],
    ]);
  });

  it('replaces its own records when run again and leaves others alone', () => {
    db.prepare("INSERT INTO session_records (source, login_hour, session_duration, commands_count, failed_logins, protocol, typing_speed, created_at) VALUES ('scan', 1, 1, 1, 0, 'SSH', 1, 1)").run();
    deriveTrafficSessions(db);
    expect(db.prepare('SELECT source, count(*) AS n FROM session_records GROUP BY source ORDER BY source').all()).toEqual([
      { source: 'scan', n: 1 },
      { source: 'traffic', n: 3 },
    ]);
  });

  it('stops when cancelled without changing the case', () => {
    const before = db.prepare('SELECT count(*) AS n FROM session_records').get();
    expect(deriveTrafficSessions(db, { shouldStop: () => true })).toBeNull();
    expect(db.prepare('SELECT count(*) AS n FROM session_records').get()).toEqual(before);
  });
});

describe('sessions derived from a real SSH capture', () => {
  it('turns the SSH connection of ndpi ssh.pcap, cut in two by the idle timeout, into one record', async () => {
    const db = await caseFrom([corpus('apps/ndpi/pcap/ssh.pcap')], 'ssh.flowsight');
    // The engine ends the flow after 120 s of silence; the connection goes on after it.
    expect(db.prepare("SELECT count(*) AS n FROM flows WHERE app = 'SSH'").get()).toEqual({ n: 2 });
    const r = deriveTrafficSessions(db)!;
    expect(r).toMatchObject({ connections: 1, sessions: 1, attempts: 0 });
    const [p] = predictionPage(db, {}).rows;
    // tshark -z conv,tcp: 172.16.238.1:58395 <-> 172.16.238.168:22 starts 2011-11-04 19:37:44 UTC and lasts 248.4768 s.
    expect(p).toMatchObject({ source: 'traffic', protocol: 'SSH', loginHour: 19, sessionDuration: Math.round((248.4768 / 60) * 1000) / 1000, failedLogins: 0 });
    expect(p.commandsCount).toBeGreaterThan(0);
    expect(p.typingSpeed).toBeGreaterThan(0);
    db.close();
  });
});
