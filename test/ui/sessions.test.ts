import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { interactiveScenario } from '../generators/interactive-sessions';
import { jsonl, runCli } from '../support/cli';
import { launchChromium, screenshotPath } from '../support/browser';
import { startServeProcess } from '../support/serve-process';
import { tempDir } from '../support/tmp';

/** A case with sessions from a capture (3) and from a CSV (seed Test 4's three rows plus two labelled ones). */
describe('serve-mode UI: session fingerprinting (analytics, results, single scan)', () => {
  const tmp = tempDir();
  const casePath = tmp.path('sessions.flowsight');
  let browser: Browser;
  let page: Page;
  let serve: Awaited<ReturnType<typeof startServeProcess>>;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const pcap = tmp.path('interactive.pcap');
    interactiveScenario(pcap);
    expect(runCli(['ingest', '--quiet', '--case', casePath, pcap]).code).toBe(0);
    expect(runCli(['sessions-derive', '--quiet', '--case', casePath]).code).toBe(0);
    const csv = tmp.path('test.csv');
    writeFileSync(csv, 'LoginHour,SessionDuration,CommandsCount,FailedLogins,Protocol,TypingSpeed,Label\n9,40,10,0,HTTPS,45,Normal\n2,5,80,4,TOR,120,Suspicious\n14,30,5,0,HTTPS,35,Normal\n1,3,60,5,TOR,130,Suspicious\n11,50,12,0,SSH,40,Normal\n');
    expect(runCli(['sessions-import', '--quiet', '--case', casePath, csv]).code).toBe(0);
    serve = await startServeProcess(['--case', casePath], { FLOWSIGHT_DATA: tmp.path('data') });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.addInitScript(() => {
      const w = window as unknown as { cspViolations: string[] };
      w.cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto(serve.url);
    await page.click('[data-testid=view-sessions]');
    await page.waitForSelector('[data-testid=sessions-view]');
  });
  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
    tmp.cleanup();
  });

  it('shows totals, shares, over-time and by-protocol charts matching the stored predictions', async () => {
    const stored = jsonl(runCli(['sessions', '--case', casePath]).stdout);
    const suspicious = stored.filter((r) => r.prediction === 'Suspicious').length;
    // Capture: Telnet Suspicious, SSH and FTP Normal; CSV: the two TOR rows Suspicious.
    expect([stored.length, suspicious]).toEqual([8, 3]);
    await expect.poll(() => page.textContent('[data-testid=session-total]')).toBe('8 predictions');
    expect(await page.textContent('[data-testid=session-normal]')).toBe('5 Normal (62.5%)');
    expect(await page.textContent('[data-testid=session-suspicious]')).toBe('3 Suspicious (37.5%)');
    await page.waitForSelector('[data-testid=sessions-by-protocol] .bars .point');
    // Stacked bars per protocol: HTTPS, TOR, then FTP, SSH and Telnet with one each.
    const ticks = await page.$$eval('[data-testid=sessions-by-protocol] .xtick text', (els) => els.map((e) => e.textContent));
    expect(ticks).toEqual(['HTTPS', 'SSH', 'TOR', 'FTP', 'Telnet']);
    await page.waitForSelector('[data-testid=sessions-over-time] .bars .point');
    expect(await page.textContent('[data-testid=session-results-count]')).toBe('8 stored predictions');
    await expect.poll(() => page.$$eval('[data-testid=session-results] .ag-row', (r) => r.length)).toBe(8);
    // Each row names the classifier that produced it.
    const classifiers = await page.$$eval('[data-testid=session-results] .ag-row [col-id=classifier]', (c) => c.map((e) => e.textContent));
    expect(new Set(classifiers)).toEqual(new Set(['baseline:rules-v1']));
    await page.click('[data-testid=baseline-rules-toggle]');
    expect(await page.textContent('[data-testid=baseline-rules]')).toContain('night-login: login hour 0–5');
    await page.screenshot({ path: screenshotPath('sessions-1-analytics') });
    await page.click('[data-testid=baseline-rules-toggle]');
  });

  it('filters the results table by a column', async () => {
    await page.fill('[data-testid=session-results] .ag-floating-filter[aria-colindex="3"] input', 'Suspicious');
    await expect.poll(() => page.$$eval('[data-testid=session-results] .ag-row', (r) => r.length)).toBe(3);
    const protocols = await page.$$eval('[data-testid=session-results] .ag-row [col-id=protocol]', (c) => c.map((e) => e.textContent).sort());
    expect(protocols).toEqual(['TOR', 'TOR', 'Telnet']);
    await page.screenshot({ path: screenshotPath('sessions-2-filtered') });
    await page.fill('[data-testid=session-results] .ag-floating-filter[aria-colindex="3"] input', '');
  });

  it('single scan: refuses out-of-range input, then classifies, stores and counts a session', async () => {
    await page.fill('[data-testid=scan-loginHour]', '24');
    await page.fill('[data-testid=scan-failedLogins]', '-1');
    await page.click('[data-testid=scan-submit]');
    expect(await page.textContent('[data-testid=scan-errors]')).toBe('Login hour: Too big: expected number to be <=23; Failed logins: Too small: expected number to be >=0');
    await page.fill('[data-testid=scan-loginHour]', '3');
    await page.fill('[data-testid=scan-failedLogins]', '4');
    await page.selectOption('[data-testid=scan-protocol]', 'TOR');
    await page.click('[data-testid=scan-submit]');
    await expect.poll(() => page.textContent('[data-testid=scan-result]')).toBe('Suspicious · 70% · baseline:rules-v1 · night-login, failed-logins, anonymising-protocol');
    await expect.poll(() => page.textContent('[data-testid=session-total]')).toBe('9 predictions');
    expect(await page.textContent('[data-testid=session-suspicious]')).toBe('4 Suspicious (44.4%)');
    const newest = jsonl(runCli(['sessions', '--case', casePath, '--limit', '1']).stdout)[0];
    expect(newest).toMatchObject({ source: 'scan', loginHour: 3, failedLogins: 4, protocol: 'TOR', prediction: 'Suspicious', confidence: 0.7 });
    await page.screenshot({ path: screenshotPath('sessions-3-scan') });
  });

  it('imports a CSV with other column names through the mapping dialog and lists rejected rows by line', async () => {
    const csv = tmp.path('other-names.csv');
    writeFileSync(csv, 'when;dur;n_cmds;fails;service;typing_wpm\n08:30;20;4;0;HTTPS;40\n25;20;4;0;HTTPS;40\n10;5;3;0;gopher;x\n23;12;6;1;ssh;38\n');
    await page.click('[data-testid=sessions-import]');
    await page.fill('[data-testid=import-path]', csv);
    await page.click('[data-testid=import-preview]');
    // Protocol is recognised by its alias; the others must be mapped by hand.
    expect(await page.inputValue('[data-testid=map-Protocol]')).toBe('service');
    expect(await page.inputValue('[data-testid=map-LoginHour]')).toBe('');
    for (const [ours, theirs] of [
      ['LoginHour', 'when'],
      ['SessionDuration', 'dur'],
      ['CommandsCount', 'n_cmds'],
      ['FailedLogins', 'fails'],
      ['TypingSpeed', 'typing_wpm'],
    ]) {
      await page.selectOption(`[data-testid=map-${ours}]`, theirs);
    }
    await page.screenshot({ path: screenshotPath('sessions-4-import-mapping') });
    await page.click('[data-testid=import-run]');
    await expect.poll(() => page.textContent('[data-testid=import-summary]')).toBe('2 records imported (2 Normal, 0 Suspicious, 0 labelled) by baseline:rules-v1; 2 rows rejected.');
    const errors = await page.$$eval('[data-testid=import-errors] tbody tr', (rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent)));
    expect(errors).toEqual([
      ['3', 'LoginHour: 25 is not an hour 0–23'],
      ['4', 'Protocol: "gopher" is not one of HTTPS, SSH, FTP, TOR, Telnet, RDP, Other; TypingSpeed: "x" is not a number'],
    ]);
    await expect.poll(() => page.textContent('[data-testid=session-total]')).toBe('11 predictions');
    await page.screenshot({ path: screenshotPath('sessions-5-import-result') });
    await page.click('[data-testid=import-close]');
  });

  it('refuses to train on too few labelled rows, then trains on more and names the model as the classifier', async () => {
    // Five labelled rows (3 Normal, 2 Suspicious) are too few for 5 folds: the refusal is shown.
    await page.click('[data-testid=sessions-train]');
    await expect.poll(() => page.textContent('body')).toContain('training needs at least 5 labelled records of each class');
    // 24 more labelled rows through the import dialog (12 of each class), then training succeeds and the model takes over.
    const labelled = tmp.path('labelled.csv');
    const rows = ['LoginHour,SessionDuration,CommandsCount,FailedLogins,Protocol,TypingSpeed,Label'];
    for (let i = 0; i < 12; i++) rows.push(`${9 + (i % 8)},${30 + i},${5 + i},0,HTTPS,${35 + i},Normal`, `${i % 5},${2 + (i % 3)},${70 + i},${3 + (i % 3)},TOR,${110 + i},Suspicious`);
    writeFileSync(labelled, `${rows.join('\n')}\n`);
    await page.click('[data-testid=sessions-import]');
    await page.fill('[data-testid=import-path]', labelled);
    await page.click('[data-testid=import-preview]');
    await page.click('[data-testid=import-run]');
    await expect.poll(() => page.textContent('[data-testid=import-summary]')).toContain('24 records imported');
    await page.click('[data-testid=import-close]');
    await page.click('[data-testid=sessions-train]');
    // 15 Normal and 14 Suspicious labelled records in all (the first CSV had 3 + 2).
    await expect.poll(() => page.textContent('[data-testid=classifier-note]')).toMatch(/^29 labelled records · macro F1 /);
    expect(await page.inputValue('[data-testid=classifier-select]')).toBe('model:1');
    await page.click('[data-testid=evaluation-toggle]');
    const cells = await page.$$eval('[data-testid=model-evaluation] [data-testid^=confusion-]', (c) => c.map((e) => Number(e.textContent)));
    expect(cells.reduce((a, b) => a + b, 0)).toBe(29);
    await page.fill('[data-testid=scan-loginHour]', '2');
    await page.click('[data-testid=scan-submit]');
    await expect.poll(() => page.textContent('[data-testid=scan-result]')).toMatch(/· model:1 · p\(Suspicious\) = /);
    await page.screenshot({ path: screenshotPath('sessions-6-model') });
    expect(pageErrors).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
  });
});
