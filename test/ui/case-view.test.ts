import { copyFileSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { jsonl, runCli } from '../support/cli';
import { corpus } from '../support/corpus';
import { sha256File } from '../support/case-fixture';
import { launchChromium, screenshotPath } from '../support/browser';
import { startServeProcess } from '../support/serve-process';
import { tempDir } from '../support/tmp';

describe('serve-mode UI: the case view (metadata, evidence and their integrity, bookmarks, audit trail)', () => {
  const tmp = tempDir();
  const casePath = tmp.path('case-view.flowsight');
  const web = tmp.path('web.pcap');
  const wiki = tmp.path('wikipedia.pcap');
  let browser: Browser;
  let page: Page;
  let serve: Awaited<ReturnType<typeof startServeProcess>>;
  let http: { id: number };
  const pageErrors: string[] = [];

  beforeAll(async () => {
    copyFileSync(corpus('apps/zeek/web.pcap'), web);
    copyFileSync(corpus('apps/zeek/wikipedia.pcap'), wiki);
    const r = runCli(['ingest', '--quiet', '--case', casePath, web, wiki]);
    expect(r.code, r.stderr).toBe(0);
    http = jsonl<{ id: number }>(runCli(['flows', '--case', casePath, '--filter', 'tcp.port == 80 && ip.addr == 141.42.64.125']).stdout)[0];
    serve = await startServeProcess(['--case', casePath], { FLOWSIGHT_DATA: tmp.path('data') });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(serve.url);
    await page.waitForSelector('.ag-row[row-index="0"]');
  });
  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
    tmp.cleanup();
  });

  it('bookmarks a flow from the table, then shows metadata, evidence with hashes and the audit trail', async () => {
    await page.fill('[data-testid=filter-input]', `id == ${http.id}`);
    await page.press('[data-testid=filter-input]', 'Enter');
    await expect.poll(() => page.textContent('[data-testid=flow-count]')).toBe('1 flows');
    await page.click(`[data-testid=flow-table] .ag-row[row-id="${http.id}"] .ag-cell[col-id=dst_ip]`, { button: 'right' });
    await page.click('[data-testid=context-bookmark-malicious]');
    await page.fill('[data-testid=filter-input]', '');
    await page.press('[data-testid=filter-input]', 'Enter');

    await page.click('[data-testid=view-case]');
    await page.waitForSelector('[data-testid=case-view]');
    // The evidence as recorded at import: the SHA-256 sha256sum computes.
    await expect.poll(() => page.textContent('[data-testid=evidence-row-1] .hash')).toBe(sha256File(web));
    expect(await page.textContent('[data-testid=evidence-row-2] .hash')).toBe(sha256File(wiki));
    // Verified on open.
    await expect.poll(() => page.textContent('[data-testid=evidence-check-1]')).toBe('unchanged');

    await page.fill('[data-testid=metadata-title]', 'Wikipedia visit');
    await page.fill('[data-testid=metadata-examiner]', 'A. Examiner');
    await page.fill('[data-testid=metadata-caseNumber]', '2026-0117');
    await page.click('[data-testid=metadata-save]');
    await page.waitForSelector('[data-testid=metadata-saved]');
    await expect.poll(() => page.textContent('[data-testid=case-title]')).toBe('Wikipedia visit');

    await expect.poll(async () => (await page.$$('[data-testid=bookmark-row]')).length).toBe(1);
    expect(await page.textContent('[data-testid=bookmark-row] .tag')).toBe('Malicious');

    // Newest first: the metadata change, the bookmark, then the import.
    await expect.poll(() => page.textContent('[data-testid=audit-row]:nth-child(1) td:nth-child(4)')).toBe('case.metadata');
    expect(await page.textContent('[data-testid=audit-row]:nth-child(2) td:nth-child(4)')).toBe('bookmark.set');
    await page.click('[data-testid=audit-verify]');
    await expect.poll(() => page.textContent('[data-testid=audit-verdict]')).toMatch(/^Chain intact: \d+ entries$/);
    await page.screenshot({ path: screenshotPath('case-1-view') });
    expect(pageErrors).toEqual([]);
  });

  it('the bookmarks list filters the flow table', async () => {
    await page.click('[data-testid=bookmark-tag-malicious]');
    await page.click('[data-testid=bookmark-show-flows]');
    await expect.poll(() => page.inputValue('[data-testid=filter-input]')).toBe('bookmark == "malicious"');
    await expect.poll(() => page.textContent('[data-testid=flow-count]')).toBe('1 flows');
    await page.waitForSelector(`[data-testid=flow-table] .ag-row[row-id="${http.id}"]`);
    await page.screenshot({ path: screenshotPath('case-2-bookmarks-filter') });
  });

  it('reports a changed evidence file prominently once verified, naming it', async () => {
    const { atime, mtime } = statSync(web);
    const bytes = readFileSync(web);
    bytes[bytes.length >> 1] ^= 0xff;
    writeFileSync(web, bytes);
    utimesSync(web, atime, mtime);
    await page.click('[data-testid=view-case]');
    await page.click('[data-testid=evidence-verify]');
    await page.waitForSelector('[data-testid=integrity-banner]');
    expect(await page.textContent('[data-testid=integrity-banner]')).toContain(`${web}: its SHA-256 changed`);
    expect(await page.textContent('[data-testid=evidence-check-1]')).toBe('CHANGED');
    expect(await page.textContent('[data-testid=evidence-check-2]')).toBe('unchanged');
    await page.screenshot({ path: screenshotPath('case-3-evidence-changed') });
    expect(pageErrors).toEqual([]);
  });
});
