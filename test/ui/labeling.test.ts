import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { appActivityCapture } from '../support/app-activity';
import { launchChromium, screenshotPath } from '../support/browser';
import { jsonl, runCli } from '../support/cli';
import { startServeProcess } from '../support/serve-process';
import { tempDir } from '../support/tmp';

interface Flow {
  id: number;
  label: string | null;
  sni: string | null;
}

/**
 * Seed 002's set-up (generated, so the truth is known) in the UI: import with
 * the proxy left out and a label, then the labelling panel: label by filter,
 * then flow by flow from the keyboard; counts, imbalance, colours, provenance
 * and undo, each checked against the case through the CLI.
 */
describe('serve-mode UI: the labelling panel', () => {
  const tmp = tempDir();
  const casePath = tmp.path('labeling.flowsight');
  const cap = appActivityCapture();
  const whatsapp = cap.sessions.filter((s) => s.sni.endsWith('whatsapp.net')).length;
  let browser: Browser;
  let page: Page;
  let serve: Awaited<ReturnType<typeof startServeProcess>>;
  const total = 2 * cap.sessions.length;
  const flows = () => jsonl<Flow>(runCli(['flows', '--case', casePath]).stdout);
  const labelOf = (id: number) => flows().find((f) => f.id === id)!.label;
  /** The id shown in a row, once the row's page has loaded. */
  const rowId = async (index: number) => {
    const cell = `.ag-row[row-index="${index}"] .ag-cell[col-id=id]`;
    await page.waitForFunction((sel) => /^[0-9]+$/.test(document.querySelector(sel)?.textContent ?? ''), cell);
    return Number(await page.textContent(cell));
  };
  const applyFilter = async (text: string) => {
    await page.fill('[data-testid=filter-input]', text);
    await page.press('[data-testid=filter-input]', 'Enter');
  };

  beforeAll(async () => {
    serve = await startServeProcess(['--case', casePath], { FLOWSIGHT_DATA: tmp.path('data') });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    await page.goto(serve.url);
    await page.waitForSelector('[data-testid=label-panel]');
  });
  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
    tmp.cleanup();
  });

  it('imports with the import filter and a label; the filter is recorded with the evidence', async () => {
    await page.click('[data-testid=action-ingest]');
    await page.fill('[data-testid=path-input]', cap.path);
    await page.check('[data-testid=import-ip-only]');
    await page.fill('[data-testid=import-exclude]', `${cap.proxy}, 10.20.0.300`);
    expect(await page.textContent('.import-problem')).toBe('Exclude: "10.20.0.300" is not an IPv4/IPv6 address or CIDR block');
    expect(await page.isDisabled('[data-testid=path-submit]')).toBe(true);
    await page.fill('[data-testid=import-exclude]', cap.proxy);
    await page.fill('[data-testid=import-only]', cap.phone);
    await page.fill('[data-testid=import-label]', 'Phone/unsorted');
    await page.screenshot({ path: screenshotPath('labeling-import-form') });
    await page.click('[data-testid=path-submit]');
    await page.waitForSelector('[data-testid=job-result]', { timeout: 60_000 });
    await expect.poll(() => page.textContent('[data-testid=flow-count]')).toBe(`${total} flows`);
    // Only the phone's flows, every one labelled by the import.
    const all = flows();
    expect(all).toHaveLength(total);
    expect(all.every((f) => f.label === 'Phone/unsorted')).toBe(true);
    expect(jsonl(runCli(['flows', '--case', casePath, '--filter', `ip.addr == ${cap.phone}`]).stdout)).toHaveLength(total);
    const db = new Database(casePath, { readonly: true });
    expect(JSON.parse(db.prepare('SELECT import_filter FROM evidence').pluck().get() as string)).toEqual({ ipOnly: true, exclude: [cap.proxy], only: [cap.phone] });
    db.close();
    await expect.poll(() => page.locator('[data-testid=class-row]').allTextContents()).toEqual([`Phone/unsorted${total}`]);
    expect(await page.locator('[data-testid=label-act]').first().textContent()).toMatch(new RegExp(`^importPhone/unsorted${total} flows · `));
  });

  it('undoes the import label from the panel: every flow unlabelled again', async () => {
    await page.click('[data-testid=label-undo]');
    await expect.poll(() => page.textContent('[data-testid=class-unlabelled] .num')).toBe(String(total));
    expect(await page.textContent('[data-testid=imbalance]')).toBe('No labelled flows yet');
    expect(await page.locator('[data-testid=class-row]').count()).toBe(0);
    expect(flows().every((f) => f.label === null)).toBe(true);
  });

  it('labels every flow a display filter matches, as one act with provenance filter', async () => {
    await applyFilter('sni matches "whatsapp"');
    await expect.poll(() => page.textContent('[data-testid=flow-count]')).toBe(`${whatsapp} flows`);
    await page.fill('[data-testid=label-input]', 'WhatsApp');
    expect(await page.textContent('[data-testid=label-apply-filter]')).toBe(`Filter (${whatsapp})`);
    await page.click('[data-testid=label-apply-filter]');
    await expect.poll(() => page.textContent('[data-testid=label-outcome]')).toBe(`labelled "WhatsApp": ${whatsapp} of ${whatsapp} filtered changedUndo`);
    expect(flows().filter((f) => f.label === 'WhatsApp').map((f) => f.sni!.endsWith('whatsapp.net'))).toEqual(Array(whatsapp).fill(true));
    await expect.poll(() => page.locator('[data-testid=class-row]').allTextContents()).toEqual([`WhatsApp${whatsapp}`]);
    expect(await page.textContent('[data-testid=class-unlabelled] .num')).toBe('0');
    expect(await page.textContent('[data-testid=imbalance]')).toBe('One class: nothing to tell apart yet');
    // The label column shows it, with its colour.
    await expect.poll(() => page.textContent('.ag-row[row-index="0"] .ag-cell[col-id=label]')).toBe('WhatsApp');
    expect(await page.locator('[data-testid=label-act]').first().textContent()).toMatch(new RegExp(`^filterWhatsApp${whatsapp} flows · `));
    await page.screenshot({ path: screenshotPath('labeling-by-filter') });
    await applyFilter('');
    await expect.poll(() => page.textContent('[data-testid=class-unlabelled] .num')).toBe(String(total - whatsapp));
  });

  it('labels flow by flow from the keyboard: j/k move, Enter applies a typed label, number keys the recent ones', async () => {
    await expect.poll(() => page.textContent('[data-testid=flow-count]')).toBe(`${total} flows`);
    // Rows in id order: 0 a DNS lookup, 1 the first WhatsApp session (labelled above), 2 the next lookup.
    // The count comes before the grid has swapped the filtered rows for these: a click before then lands on a row about to go.
    const firstIds = flows()
      .map((f) => f.id as number)
      .sort((a, b) => a - b)
      .slice(0, 3);
    await expect.poll(() => Promise.all([0, 1, 2].map((i) => page.textContent(`.ag-row[row-index="${i}"] .ag-cell[col-id=id]`)))).toEqual(firstIds.map(String));
    const [dns0, wa1, dns2] = firstIds;
    expect([labelOf(dns0), labelOf(wa1), labelOf(dns2)]).toEqual([null, 'WhatsApp', null]);
    await page.click('.ag-row[row-index="0"] .ag-cell[col-id=proto]');
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await expect.poll(() => page.getAttribute('.ag-row[row-index="2"]', 'class')).toContain('ag-row-selected');
    expect(await page.textContent('[data-testid=selection-info]')).toBe('1 selected');
    await page.fill('[data-testid=label-input]', 'Maps/search');
    await page.press('[data-testid=label-input]', 'Enter');
    await expect.poll(() => page.textContent('[data-testid=label-outcome]')).toBe('labelled "Maps/search": 1 of 1 selected changedUndo');
    expect(labelOf(dns2)).toBe('Maps/search');
    // The new label takes key 1; WhatsApp moves to 2.
    expect(await page.locator('[data-testid=recent-labels] .recent-name').allTextContents()).toEqual(['Maps/search', 'WhatsApp', 'Phone/unsorted']);

    // Back in the table once it shows the new label (its refresh re-renders the rows and would drop the focus):
    // k twice to the first row, and 2 labels it WhatsApp.
    await expect.poll(() => page.textContent('.ag-row[row-index="2"] .ag-cell[col-id=label]')).toContain('Maps/search');
    await page.click('.ag-row[row-index="2"] .ag-cell[col-id=proto]');
    await page.keyboard.press('k');
    await page.keyboard.press('k');
    await expect.poll(() => page.getAttribute('.ag-row[row-index="0"]', 'class')).toContain('ag-row-selected');
    await expect.poll(() => page.locator('.ag-row[row-index="0"] .ag-cell-focus').count()).toBe(1);
    await page.keyboard.press('2');
    await expect.poll(() => labelOf(dns0)).toBe('WhatsApp');
    // Shift+J extends the selection to row 1; key 1 labels both Maps/search.
    await page.keyboard.press('Shift+J');
    await expect.poll(() => page.textContent('[data-testid=selection-info]')).toBe('2 selected');
    await page.keyboard.press('1');
    await expect.poll(() => page.textContent('[data-testid=label-outcome]')).toBe('labelled "Maps/search": 2 of 2 selected changedUndo');
    expect([labelOf(dns0), labelOf(wa1), labelOf(dns2)]).toEqual(['Maps/search', 'Maps/search', 'Maps/search']);
    // Keys stay put while one labels with labels already listed.
    expect(await page.locator('[data-testid=recent-labels] .recent-name').allTextContents()).toEqual(['Maps/search', 'WhatsApp', 'Phone/unsorted']);
    await expect.poll(() => page.locator('[data-testid=class-row]').allTextContents()).toEqual([`WhatsApp${whatsapp - 1}`, 'Maps/search3']);

    // The focused flow (row 1)'s provenance: every act that touched it, newest first.
    await expect.poll(() => page.locator('[data-testid=provenance-row] .act-what').allTextContents()).toEqual(['Maps/search', 'WhatsApp', 'Phone/unsorted']);
    expect(await page.locator('[data-testid=provenance-row] .provenance').allTextContents()).toEqual(['manual', 'filter', 'import']);
    expect(await page.locator('[data-testid=provenance-row].undone .act-what').allTextContents()).toEqual(['Phone/unsorted']);
    expect(await page.textContent('[data-testid=flow-provenance] h3')).toBe(`Flow ${wa1}`);
    expect(await page.textContent('[data-testid=provenance-current]')).toBe('Maps/search');
    await page.screenshot({ path: screenshotPath('labeling-keyboard') });
  });

  it('undoes acts from the keyboard and the panel: each flow gets its previous label back, the act shows undone', async () => {
    const [dns0, wa1, dns2] = [await rowId(0), await rowId(1), await rowId(2)];
    await page.click('.ag-row[row-index="1"] .ag-cell[col-id=proto]');
    await page.keyboard.press('u');
    await expect.poll(() => page.textContent('[data-testid=label-outcome]')).toMatch(/^undid manual-[0-9a-f]{8}: 2 flows back to their previous label$/);
    expect([labelOf(dns0), labelOf(wa1), labelOf(dns2)]).toEqual(['WhatsApp', 'WhatsApp', 'Maps/search']);
    // The import's label was undone before; now this act too.
    await expect.poll(() => page.locator('[data-testid=label-act].undone').count()).toBe(2);
    await expect.poll(() => page.locator('[data-testid=provenance-row].undone .act-what').allTextContents()).toEqual(['Maps/search', 'Phone/unsorted']);
    await page.click('[data-testid=label-undo]');
    await expect.poll(() => labelOf(dns0)).toBeNull();
    expect([labelOf(wa1), labelOf(dns2)]).toEqual(['WhatsApp', 'Maps/search']);
    await expect.poll(() => page.locator('[data-testid=label-act].undone').count()).toBe(3);
  });

  it('counts classes at the app level with the imbalance, and recolours a label everywhere', async () => {
    await page.click('[data-testid=label-level-app]');
    await expect.poll(() => page.locator('[data-testid=class-row]').allTextContents()).toEqual([`WhatsApp${whatsapp}`, 'Maps1']);
    expect(await page.textContent('[data-testid=imbalance]')).toBe(`Imbalance ${whatsapp.toFixed(2)}× (WhatsApp / Maps)`);
    // More than ten to one: flagged, because accuracy would hide the minority class.
    expect(whatsapp).toBeGreaterThan(10);
    expect(await page.getAttribute('[data-testid=imbalance]', 'class')).toContain('warn');
    await page.locator('[data-testid=recent-label-2] input[type=color]').fill('#00aa55');
    await expect.poll(() => page.locator('[data-testid=class-row] .label-dot').first().evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(0, 170, 85)');
    await expect.poll(() => page.locator('.ag-row[row-index="1"] .ag-cell[col-id=label] .label-dot').evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(0, 170, 85)');
    expect(runCli(['label', '--case', casePath, '--catalogue']).stdout).toContain('#00aa55');
    await page.screenshot({ path: screenshotPath('labeling-app-level') });
  });

  it('labels from a ground-truth CSV typed in the panel, lists rows that labelled nothing by line, and undoes it', async () => {
    const photos = cap.sessions.filter((s) => s.label === 'WhatsApp/send-photo');
    const rows = photos.map((s, i) => (i % 2 ? `${s.serverIp},${s.serverPort},${s.clientIp},${s.clientPort},tcp,${s.label}` : `${s.clientIp},${s.clientPort},${s.serverIp},${s.serverPort},tcp,${s.label}`));
    const file = tmp.path('truth.csv');
    writeFileSync(file, ['src_ip,src_port,dst_ip,dst_port,proto,label', ...rows, '10.20.0.2,1,192.0.2.1,443,tcp,Nobody', '10.20.0.2,99999,192.0.2.1,443,tcp,X'].join('\n'));
    await page.click('[data-testid=ground-truth-toggle]');
    await page.fill('[data-testid=ground-truth-path]', file);
    await page.click('[data-testid=ground-truth-import]');
    const n = photos.length;
    await expect.poll(() => page.textContent('[data-testid=ground-truth-summary]')).toBe(`${n + 2} rows: ${n} matched ${n} flows (${n} changed), 1 unmatched, 1 badUndo`);
    expect(await page.locator('[data-testid=ground-truth-problem]').allTextContents()).toEqual([
      `line ${n + 2}: unmatched: no flow has the 5-tuple tcp 10.20.0.2:1 ↔ 192.0.2.1:443`,
      `line ${n + 3}: bad: src_port "99999" is not a port (0–65535)`,
    ]);
    const byTuple = (s: (typeof photos)[number]) => jsonl<Flow>(runCli(['flows', '--case', casePath, '--filter', `tcp.port == ${s.clientPort} && ip.addr == ${s.serverIp}`]).stdout);
    for (const s of photos) expect(byTuple(s).map((f) => f.label)).toEqual(['WhatsApp/send-photo']);
    await expect.poll(() => page.locator('[data-testid=label-act]').first().textContent()).toMatch(new RegExp(`^csvWhatsApp/send-photo${n} flows · `));
    await page.screenshot({ path: screenshotPath('labeling-ground-truth') });
    await page.click('[data-testid=ground-truth-summary] .link-button');
    await expect.poll(() => byTuple(photos[0]).map((f) => f.label)).toEqual(['WhatsApp']);
    for (const s of photos) expect(byTuple(s).map((f) => f.label)).toEqual(['WhatsApp']);
  });

  it('adds a rule (domain → app) and runs it over the unlabelled flows as one undoable act', async () => {
    const maps = cap.sessions.filter((s) => s.label === 'Maps/search').length;
    const mapsLabelled = () => jsonl<Flow>(runCli(['flows', '--case', casePath, '--filter', 'label == "Maps"']).stdout).length;
    await page.click('[data-testid=label-rules-toggle]');
    await page.selectOption('[data-testid=rule-field]', 'domain');
    await page.fill('[data-testid=rule-pattern]', 'googleapis.com');
    await page.fill('[data-testid=rule-label]', 'Maps');
    await page.click('[data-testid=rule-add]');
    await expect.poll(() => page.locator('[data-testid=label-rule]').allTextContents()).toEqual(['domain ≈ googleapis.com→ Maps×']);
    expect(runCli(['label-rules', 'list', '--case', casePath]).stdout).toBe('1\tdomain\tdomain\tgoogleapis.com\tMaps\n');
    await page.click('[data-testid=rule-run]');
    // Each Maps search is a TLS session to *.googleapis.com and the DNS lookup before it.
    await expect.poll(() => page.textContent('[data-testid=rule-report]')).toBe(`${2 * maps} flows labelled (rule 1: ${2 * maps})Undo`);
    expect(mapsLabelled()).toBe(2 * maps);
    await expect.poll(() => page.locator('[data-testid=label-act]').first().textContent()).toMatch(new RegExp(`^ruleMaps${2 * maps} flows · `));
    await page.screenshot({ path: screenshotPath('labeling-rules') });
    await page.click('[data-testid=rule-report] .link-button');
    await expect.poll(mapsLabelled).toBe(0);
  });

  it('exports the labelled flows as a training set, byte for byte what flowsight export-dataset writes', async () => {
    const started = page.waitForResponse('**/rpc/export.start');
    const download = page.waitForEvent('download');
    await page.click('[data-testid=export-menu]');
    await page.screenshot({ path: screenshotPath('labeling-export-menu') });
    await page.click('[data-testid=export-filtered-dataset-csv]');
    expect(JSON.parse((await started).request().postData() ?? '{}')).toMatchObject({ format: 'dataset-csv' });
    const d = await download;
    expect(await d.failure()).toBeNull();
    const text = readFileSync(await d.path(), 'utf8');
    const cli = runCli(['export-dataset', '--case', casePath, '--format', 'csv']);
    expect(cli.code, cli.stderr).toBe(0);
    expect(text).toBe(cli.stdout);
    const labelled = flows().filter((f) => f.label !== null).length;
    expect(text.trim().split('\n')).toHaveLength(1 + labelled);
    expect(text.split('\n')[0].split(',').slice(-4)).toEqual(['Capture', 'App', 'Activity', 'Label']);
  });
});
