import { copyFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { currentUser } from '../../electron/cases/case-user';
import { jsonl, runCli } from '../support/cli';
import { corpus } from '../support/corpus';
import { launchChromium, screenshotPath } from '../support/browser';
import { startServeProcess } from '../support/serve-process';
import { tempDir } from '../support/tmp';

describe('serve-mode UI: notes on a flow in the detail pane', () => {
  const tmp = tempDir();
  const casePath = tmp.path('notes.flowsight');
  const web = tmp.path('web.pcap');
  let browser: Browser;
  let page: Page;
  let serve: Awaited<ReturnType<typeof startServeProcess>>;
  let flowId: number;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    copyFileSync(corpus('apps/zeek/web.pcap'), web);
    const r = runCli(['ingest', '--quiet', '--case', casePath, web]);
    expect(r.code, r.stderr).toBe(0);
    flowId = jsonl<{ id: number }>(runCli(['flows', '--case', casePath, '--filter', 'tcp.port == 80']).stdout)[0].id;
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

  it('adds a note to the selected flow: shown under the summary, stored, audited, and listed by the CLI', async () => {
    await page.fill('[data-testid=filter-input]', `id == ${flowId}`);
    await page.press('[data-testid=filter-input]', 'Enter');
    await expect.poll(() => page.textContent('[data-testid=flow-count]')).toBe('1 flows');
    await page.click(`[data-testid=flow-table] .ag-row[row-id="${flowId}"] .ag-cell[col-id=packets]`);
    await page.waitForSelector('[data-testid=flow-notes]');
    expect(await page.textContent('[data-testid=flow-notes]')).toContain('No notes on this flow yet.');
    expect(await page.isDisabled('[data-testid=flow-note-add]')).toBe(true);
    await page.fill('[data-testid=flow-note-input]', 'Plain HTTP to the proxy\n<b>not bold</b>');
    await page.click('[data-testid=flow-note-add]');
    await expect.poll(() => page.locator('[data-testid=flow-note] .flow-note-text').allTextContents()).toEqual(['Plain HTTP to the proxy\n<b>not bold</b>']);
    expect(await page.inputValue('[data-testid=flow-note-input]')).toBe('');
    expect(await page.textContent('[data-testid=flow-note] .flow-note-by')).toContain(currentUser());
    await page.screenshot({ path: screenshotPath('flow-notes-1-added') });

    const notes = jsonl(runCli(['notes', '--case', casePath, '--format', 'jsonl']).stdout);
    expect(notes).toMatchObject([{ kind: 'flow', key: String(flowId), text: 'Plain HTTP to the proxy\n<b>not bold</b>', author: currentUser() }]);
    const audit = jsonl<{ action: string; params: Record<string, unknown> }>(runCli(['audit', '--case', casePath, '--format', 'jsonl']).stdout).at(-1);
    expect(audit).toMatchObject({ action: 'note.add', params: { kind: 'flow', key: String(flowId), text: 'Plain HTTP to the proxy\n<b>not bold</b>' } });
    // The filter knows notes: the flow is found by one.
    await page.fill('[data-testid=filter-input]', 'note contains "proxy"');
    await page.press('[data-testid=filter-input]', 'Enter');
    await expect.poll(() => page.textContent('[data-testid=flow-count]')).toBe('1 flows');
    expect(pageErrors).toEqual([]);
  });

  it('read-only: the note is shown, the box to add one is not', async () => {
    await serve.stop();
    serve = await startServeProcess(['--case', casePath, '--read-only'], { FLOWSIGHT_DATA: tmp.path('data') });
    await page.goto(serve.url);
    await page.waitForSelector('.ag-row[row-index="0"]');
    await page.fill('[data-testid=filter-input]', `id == ${flowId}`);
    await page.press('[data-testid=filter-input]', 'Enter');
    await expect.poll(() => page.textContent('[data-testid=flow-count]')).toBe('1 flows');
    await page.click(`[data-testid=flow-table] .ag-row[row-id="${flowId}"] .ag-cell[col-id=packets]`);
    await page.waitForSelector('[data-testid=flow-note]');
    expect(await page.locator('[data-testid=flow-note] .flow-note-text').allTextContents()).toEqual(['Plain HTTP to the proxy\n<b>not bold</b>']);
    expect(await page.locator('[data-testid=flow-note-input]').count()).toBe(0);
    expect(await page.locator('[data-testid=flow-note-add]').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
