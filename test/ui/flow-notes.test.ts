import { copyFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { currentUser } from '../../electron/cases/case-user';
import { jsonl, runCli } from '../support/cli';
import { corpus } from '../support/corpus';
import { launchChromium, pageRpc, screenshotPath } from '../support/browser';
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

  type AuditRec = { action: string; params: Record<string, unknown> };
  const auditTrail = () => jsonl<AuditRec>(runCli(['audit', '--case', casePath, '--format', 'jsonl']).stdout);
  const noteTexts = () => page.locator('[data-testid=flow-note] .flow-note-text').allTextContents();
  /** A call's result through serve mode's RPC, as the page makes it. */
  const rpc = async <T>(call: string, input: unknown) => (await pageRpc(page, call, input)).result as T;
  const cliNotes = () => jsonl<{ id: number; kind: string; key: string; text: string }>(runCli(['notes', '--case', casePath, '--format', 'jsonl']).stdout);

  it('edits the note in place: Cancel keeps the text, Save stores the new one, audited with the old text', async () => {
    const before = auditTrail().length;
    const [note] = cliNotes();
    await page.fill('[data-testid=filter-input]', `id == ${flowId}`);
    await page.press('[data-testid=filter-input]', 'Enter');
    await expect.poll(() => page.textContent('[data-testid=flow-count]')).toBe('1 flows');
    await page.click(`[data-testid=flow-table] .ag-row[row-id="${flowId}"] .ag-cell[col-id=packets]`);
    await page.waitForSelector('[data-testid=flow-note]');

    // Cancel: nothing stored, nothing audited.
    await page.click('[data-testid=flow-note] [data-testid=note-edit]');
    expect(await page.inputValue('[data-testid=note-edit-input]')).toBe('Plain HTTP to the proxy\n<b>not bold</b>');
    await page.fill('[data-testid=note-edit-input]', 'thrown away');
    await page.click('[data-testid=note-cancel]');
    expect(await page.locator('[data-testid=note-edit-input]').count()).toBe(0);
    expect(await noteTexts()).toEqual(['Plain HTTP to the proxy\n<b>not bold</b>']);
    expect(auditTrail()).toHaveLength(before);

    await page.click('[data-testid=flow-note] [data-testid=note-edit]');
    await page.fill('[data-testid=note-edit-input]', 'Plain HTTP to the proxy, then a download\n<i>still text</i>');
    await page.screenshot({ path: screenshotPath('flow-notes-2-editing') });
    await page.click('[data-testid=note-save]');
    await expect.poll(noteTexts).toEqual(['Plain HTTP to the proxy, then a download\n<i>still text</i>']);
    expect(await page.locator('[data-testid=note-edit-input]').count()).toBe(0);
    expect(await page.textContent('[data-testid=flow-note] .flow-note-by')).toContain('(edited)');
    await page.screenshot({ path: screenshotPath('flow-notes-3-edited') });

    // The same note (same id), with the new text, for the API and the CLI.
    expect((await rpc<{ id: number; text: string }[]>('notes.list', { target: { kind: 'flow', key: String(flowId) } })).map((n) => [n.id, n.text])).toEqual([
      [note.id, 'Plain HTTP to the proxy, then a download\n<i>still text</i>'],
    ]);
    expect(cliNotes()).toMatchObject([{ id: note.id, kind: 'flow', key: String(flowId), text: 'Plain HTTP to the proxy, then a download\n<i>still text</i>' }]);
    const audit = auditTrail();
    expect(audit).toHaveLength(before + 1);
    expect(audit.at(-1)).toMatchObject({
      action: 'note.update',
      params: { id: note.id, kind: 'flow', key: String(flowId), from: 'Plain HTTP to the proxy\n<b>not bold</b>', to: 'Plain HTTP to the proxy, then a download\n<i>still text</i>' },
    });
    // The note filter sees the new text, not the old.
    await page.fill('[data-testid=filter-input]', 'note contains "download"');
    await page.press('[data-testid=filter-input]', 'Enter');
    await expect.poll(() => page.textContent('[data-testid=flow-count]')).toBe('1 flows');
    await page.fill('[data-testid=filter-input]', 'note contains "not bold"');
    await page.press('[data-testid=filter-input]', 'Enter');
    await expect.poll(() => page.textContent('[data-testid=flow-count]')).toBe('0 flows');
    expect(pageErrors).toEqual([]);
  });

  it('removes a note after a confirmation: Keep leaves it, Remove takes it off the pane and the CLI, audited', async () => {
    await page.fill('[data-testid=filter-input]', `id == ${flowId}`);
    await page.press('[data-testid=filter-input]', 'Enter');
    await expect.poll(() => page.textContent('[data-testid=flow-count]')).toBe('1 flows');
    await page.click(`[data-testid=flow-table] .ag-row[row-id="${flowId}"] .ag-cell[col-id=packets]`);
    await page.waitForSelector('[data-testid=flow-note]');
    await page.fill('[data-testid=flow-note-input]', 'a second thought');
    await page.click('[data-testid=flow-note-add]');
    await expect.poll(noteTexts).toEqual(['Plain HTTP to the proxy, then a download\n<i>still text</i>', 'a second thought']);
    const second = cliNotes().find((n) => n.text === 'a second thought')!;
    const before = auditTrail().length;
    const secondNote = page.locator(`[data-testid=flow-note][data-note-id="${second.id}"]`);

    await secondNote.locator('[data-testid=note-remove]').click();
    expect(await secondNote.locator('[data-testid=note-remove-confirm]').textContent()).toContain('Remove this note?');
    await page.screenshot({ path: screenshotPath('flow-notes-4-confirm-remove') });
    await secondNote.locator('[data-testid=note-remove-no]').click();
    expect(await secondNote.locator('[data-testid=note-remove-confirm]').count()).toBe(0);
    expect(await noteTexts()).toEqual(['Plain HTTP to the proxy, then a download\n<i>still text</i>', 'a second thought']);
    expect(auditTrail()).toHaveLength(before);

    await secondNote.locator('[data-testid=note-remove]').click();
    await secondNote.locator('[data-testid=note-remove-yes]').click();
    await expect.poll(noteTexts).toEqual(['Plain HTTP to the proxy, then a download\n<i>still text</i>']);
    expect(cliNotes().map((n) => n.text)).toEqual(['Plain HTTP to the proxy, then a download\n<i>still text</i>']);
    const audit = auditTrail();
    expect(audit).toHaveLength(before + 1);
    expect(audit.at(-1)).toMatchObject({ action: 'note.remove', params: { id: second.id, kind: 'flow', key: String(flowId), text: 'a second thought' } });
    expect(runCli(['audit', '--case', casePath, '--verify']).code).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it('read-only: the note is shown, the box to add one and the Edit and Remove actions are not', async () => {
    await serve.stop();
    serve = await startServeProcess(['--case', casePath, '--read-only'], { FLOWSIGHT_DATA: tmp.path('data') });
    await page.goto(serve.url);
    await page.waitForSelector('.ag-row[row-index="0"]');
    await page.fill('[data-testid=filter-input]', `id == ${flowId}`);
    await page.press('[data-testid=filter-input]', 'Enter');
    await expect.poll(() => page.textContent('[data-testid=flow-count]')).toBe('1 flows');
    await page.click(`[data-testid=flow-table] .ag-row[row-id="${flowId}"] .ag-cell[col-id=packets]`);
    await page.waitForSelector('[data-testid=flow-note]');
    expect(await page.locator('[data-testid=flow-note] .flow-note-text').allTextContents()).toEqual(['Plain HTTP to the proxy, then a download\n<i>still text</i>']);
    expect(await page.locator('[data-testid=flow-note-input]').count()).toBe(0);
    expect(await page.locator('[data-testid=note-edit]').count()).toBe(0);
    expect(await page.locator('[data-testid=note-remove]').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('flow-notes-5-read-only') });
    expect(await page.locator('[data-testid=flow-note-add]').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
