import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { jsonl, runCli } from '../support/cli';
import { corpus } from '../support/corpus';
import { generatedCapture } from '../support/generated';
import { launchChromium, screenshotPath } from '../support/browser';
import { startServeProcess } from '../support/serve-process';
import { tempDir } from '../support/tmp';

interface Flow {
  id: number;
  bytes: number;
}

describe('serve-mode UI: the flow table', () => {
  const tmp = tempDir();
  const casePath = tmp.path('ui.flowsight');
  let flows: Flow[];
  let browser: Browser;
  let page: Page;
  let serve: Awaited<ReturnType<typeof startServeProcess>>;

  beforeAll(async () => {
    expect(runCli(['ingest', '--quiet', '--case', casePath, corpus('apps/ndpi/pcap/1kxun.pcap')]).code).toBe(0);
    flows = jsonl<Flow>(runCli(['flows', '--case', casePath]).stdout);
    serve = await startServeProcess(['--case', casePath], { FLOWSIGHT_DATA: tmp.path('data') });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(serve.url);
    await page.waitForSelector('.ag-row[row-index="0"]');
  });
  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
    tmp.cleanup();
  });

  it('shows as many rows as the case holds flows', async () => {
    expect(flows.length).toBeGreaterThan(100);
    await expect.poll(() => page.textContent('[data-testid=flow-count]')).toBe(`${flows.length} flows`);
    // AG Grid's row count (rows + the header row), as a screen reader would read it.
    await expect.poll(() => page.getAttribute('[aria-rowcount]', 'aria-rowcount')).toBe(String(flows.length + 1));
    expect(page.url()).not.toContain('token=');
    await page.screenshot({ path: screenshotPath('flow-table') });
  });

  it('sorts by bytes in SQL: descending puts the largest flow first', async () => {
    const header = page.locator('.ag-header-cell[col-id=bytes]');
    await header.click();
    await header.click();
    await expect.poll(() => page.getAttribute('.ag-header-cell[col-id=bytes]', 'aria-sort')).toBe('descending');
    const largest = flows.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    await expect.poll(() => page.textContent('.ag-row[row-index="0"] .ag-cell[col-id=bytes]')).toBe(largest.bytes.toLocaleString('en-US'));
    await page.screenshot({ path: screenshotPath('flow-table-sorted-by-bytes') });
  });

  it('shows a progress bar while a capture is ingested, then the new flows', async () => {
    // Record every appearance of the bar, however brief the ingest.
    await page.evaluate(() => {
      const w = window as unknown as { sawProgress: boolean };
      w.sawProgress = false;
      new MutationObserver(() => {
        if (document.querySelector('[data-testid=job-progress]')) w.sawProgress = true;
      }).observe(document.body, { childList: true, subtree: true });
    });
    await page.click('[data-testid=action-ingest]');
    await page.fill('[data-testid=path-input]', generatedCapture(200_000));
    await page.click('[data-testid=path-submit]');
    await page.waitForSelector('[data-testid=job-result]', { timeout: 60_000 });
    expect(await page.evaluate(() => (window as unknown as { sawProgress: boolean }).sawProgress)).toBe(true);
    expect(await page.textContent('[data-testid=job-result]')).toContain('Import done · 1 file · ');
    const after = jsonl<Flow>(runCli(['flows', '--case', casePath]).stdout).length;
    expect(after).toBeGreaterThan(flows.length);
    await expect.poll(() => page.textContent('[data-testid=flow-count]')).toBe(`${after.toLocaleString('en-US')} flows`);
    await page.screenshot({ path: screenshotPath('flow-table-after-ingest') });
  });
});
