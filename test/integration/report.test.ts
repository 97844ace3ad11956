import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { setBookmark } from '../../electron/cases/bookmark-store';
import { openCaseDb } from '../../electron/cases/case-db';
import { updateMetadata } from '../../electron/cases/case-metadata';
import { applyLabel } from '../../electron/cases/label-store';
import { addNote } from '../../electron/cases/note-store';
import type { ReportData } from '../../electron/report/report-data';
import { launchChromium, screenshotPath } from '../support/browser';
import { sha256File } from '../support/case-fixture';
import { jsonl, runCli } from '../support/cli';
import { corpus } from '../support/corpus';
import { tempDir } from '../support/tmp';

interface Flow {
  id: number;
  proto: string;
  packets: number;
  bytes: number;
}

describe('flowsight report', () => {
  const tmp = tempDir();
  const casePath = tmp.path('report.flowsight');
  const files = [corpus('apps/zeek/web.pcap'), corpus('tcp/stopddos/pkt.TCP.synflood.spoofed.pcap')];
  const html = tmp.path('report.html');
  const json = tmp.path('report.json');
  let flows: Flow[];
  let report: ReportData;
  let findings: number;
  let scored: number;
  let browser: Browser | undefined;

  beforeAll(() => {
    expect(runCli(['ingest', '--quiet', '--case', casePath, ...files]).code).toBe(0);
    flows = jsonl<Flow>(runCli(['flows', '--case', casePath]).stdout);
    const db = openCaseDb(casePath, { user: 'examiner' });
    updateMetadata(db, { title: 'SYN flood <script>alert(1)</script>', examiner: 'A. Examiner', caseNumber: '2026-0117', notes: 'Seen on the edge router.' }, 'examiner');
    const tcp = flows.filter((f) => f.proto === 'tcp').map((f) => f.id);
    applyLabel(db, { flowIds: tcp.slice(0, 40), label: 'attack/syn-flood', provenance: 'manual', author: 'examiner', batch: 'b1' });
    applyLabel(db, { flowIds: tcp.slice(40, 45), label: 'benign/web', provenance: 'manual', author: 'examiner', batch: 'b2' });
    setBookmark(db, { kind: 'flow', key: String(tcp[0]) }, 'malicious', 'examiner');
    addNote(db, { kind: 'flow', key: String(tcp[0]) }, 'First SYN of the flood <b>not bold</b>', 'examiner');
    db.close();
    const f = runCli(['findings', '--quiet', '--case', casePath]);
    expect(f.code, f.stderr).toBe(0);
    findings = jsonl(f.stdout).length;
    const d = runCli(['detect', '--quiet', '--case', casePath, '--k', '3']);
    expect(d.code, d.stderr).toBe(0);
    scored = jsonl(d.stdout).length;
    const r = runCli(['report', '--case', casePath, '--out', html, '--json', json]);
    expect(r.code, r.stderr).toBe(0);
    report = JSON.parse(readFileSync(json, 'utf8')) as ReportData;
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    tmp.cleanup();
  });

  it('holds the metadata, the evidence with hashes sha256sum agrees with, and statistics equal to the flows', () => {
    expect(report.case.metadata).toMatchObject({ examiner: 'A. Examiner', caseNumber: '2026-0117' });
    expect(report.evidence.map((e) => [e.path, e.sha256, e.check.state])).toEqual(files.map((f) => [f, sha256File(f), 'ok']));
    expect(report.summary.flows).toBe(flows.length);
    expect(report.summary.packets).toBe(flows.reduce((a, f) => a + f.packets, 0));
    expect(report.summary.bytes).toBe(flows.reduce((a, f) => a + f.bytes, 0));
    const byProto = new Map<string, number>();
    for (const f of flows) byProto.set(f.proto, (byProto.get(f.proto) ?? 0) + 1);
    expect(Object.fromEntries(report.summary.byProtocol.map((p) => [p.key, p.flows]))).toEqual(Object.fromEntries(byProto));
    expect(report.summary.timeline.reduce((a, b) => a + b.flows, 0)).toBe(flows.length);
  });

  it('holds the findings with their evidence flows, labelled classes, the model, notes and an audit excerpt', () => {
    expect(report.findings.items).toHaveLength(findings);
    expect(findings).toBeGreaterThan(0);
    for (const f of report.findings.items) expect(f.flowIds.length).toBe(Math.min(f.flowCount, 50));
    expect(report.labels).toEqual([
      { label: 'attack/syn-flood', flows: 40 },
      { label: 'benign/web', flows: 5 },
    ]);
    expect(report.model).toMatchObject({ points: scored, params: { k: 3 } });
    expect(report.bookmarks.map((b) => b.tag)).toEqual(['malicious']);
    expect(report.notes.map((n) => n.text)).toEqual(['First SYN of the flood <b>not bold</b>']);
    const trail = jsonl<{ seq: number; action: string }>(runCli(['audit', '--case', casePath, '--format', 'jsonl']).stdout);
    expect(report.audit.total).toBe(trail.length);
    expect(report.audit.verification.ok).toBe(true);
    expect(report.audit.excerpt.map((e) => e.seq)).toEqual(trail.slice(-50).map((e) => e.seq).reverse());
  });

  it('opens offline in Chromium: loads nothing, runs nothing, shows every section and three inline SVG plots', async () => {
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const requests: string[] = [];
    page.on('request', (r) => {
      if (r.url() !== pathToFileURL(html).href) requests.push(r.url());
    });
    await page.goto(pathToFileURL(html).href);
    expect(requests).toEqual([]);
    expect(await page.$$eval('script', (s) => s.length)).toBe(0);
    // Text from the case stays text.
    expect(await page.textContent('[data-testid=report-title]')).toBe('SYN flood <script>alert(1)</script>');
    expect(await page.textContent('[data-testid=report-notes]')).toContain('First SYN of the flood <b>not bold</b>');
    for (const f of files) expect(await page.textContent('[data-testid=report-evidence]')).toContain(sha256File(f));
    expect(await page.$$eval('[data-testid=report-plots] svg', (s) => s.length)).toBe(3);
    expect(await page.$$eval('[data-testid=report-findings] tbody tr', (r) => r.length)).toBe(findings);
    expect(await page.textContent('[data-testid=report-audit-verdict]')).toMatch(/^Hash chain intact: \d+ entries/);
    await page.screenshot({ path: screenshotPath('report-1-html'), fullPage: true });
  });
});
