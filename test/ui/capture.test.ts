import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { jsonl, runCli } from '../support/cli';
import { launchChromium, screenshotPath } from '../support/browser';
import { startServeProcess } from '../support/serve-process';
import { tempDir } from '../support/tmp';
import { sendUdp, tcpExchanges } from '../support/traffic';
import { tshark } from '../support/tshark';

interface Flow {
  id: number;
  proto: string;
  src_port: number;
  dst_port: number;
  packets: number;
  conn_state: string | null;
  label: string | null;
}

// Ports of this test alone (the live-capture integration test uses 47611/47612/47621).
const UDP_PORT = 47_731;
const TCP_PORT = 47_732;
const FILTER = `udp port ${UDP_PORT} or tcp port ${TCP_PORT}`;
const TAG = 'ui-test/echo';

/**
 * Live capture from the browser (serve mode, real libpcap on lo; the tests run
 * as root): the capture view starts it, flows show up in the table while it
 * runs, activity tags label new flows, and after Stop the UI's numbers equal
 * what `flowsight flows` and tshark read from the case and its evidence.
 */
describe('serve-mode UI: live capture on lo', () => {
  const tmp = tempDir();
  const casePath = tmp.path('live-ui.flowsight');
  const capturesDir = join(dirname(casePath), 'live-ui.captures');
  let browser: Browser;
  let page: Page;
  let serve: Awaited<ReturnType<typeof startServeProcess>>;
  const pageErrors: string[] = [];
  const udpSources: number[] = [];

  const text = async (testId: string) => (await page.textContent(`[data-testid=${testId}]`)) ?? '';
  const packetCounter = async () => Number((await text('cap-packets')).replace(/,/g, ''));
  const tableLabels = () => page.$$eval('[data-testid=flow-table] .ag-row[row-id]', (rows) => rows.map((r) => r.querySelector('[col-id=label]')?.textContent ?? null));
  const tableRows = () => page.$$eval('[data-testid=flow-table] .ag-row[row-id]', (rows) => rows.length);

  beforeAll(async () => {
    serve = await startServeProcess(['--case', casePath], { FLOWSIGHT_DATA: tmp.path('data') });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(serve.url);
    await page.waitForSelector('[data-testid=flow-count]');
  });
  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
    tmp.cleanup();
  });

  it('the capture view lists the interfaces, lo marked as loopback, with link types, promiscuous mode on by default, and the notes on drops and timestamps', async () => {
    await page.click('[data-testid=view-capture]');
    await page.waitForSelector('[data-testid=iface-lo]');
    expect(await page.textContent('[data-testid=iface-lo]')).toMatch(/lo\s*loopback.*Ethernet.*127\.0\.0\.1/);
    expect(await text('iface-link-any')).toBe('Linux cooked (SLL)');
    const notes = await text('capture-notes');
    expect(notes).toMatch(/libpcap's count of packets lost because its buffer was full/);
    expect(notes).toMatch(/receive drops/);
    expect(notes).toMatch(/Timestamps are the kernel's/);
    expect(await page.isChecked('[data-testid=capture-promiscuous]')).toBe(true);
    expect(notes).toContain('live-ui.captures/');
    await page.click('[data-testid=iface-lo]');
    expect(await page.isChecked('[data-testid=iface-lo] input[type=radio]')).toBe(true);
    await page.screenshot({ path: screenshotPath('capture-1-view') });
  });

  it('a bad BPF filter shows the main process’s message and nothing starts', async () => {
    await page.fill('[data-testid=capture-filter]', 'udp portt 53');
    await page.click('[data-testid=capture-start]');
    await page.waitForSelector('[data-testid=capture-error]');
    expect(await text('capture-error')).toMatch(/^BPF filter "udp portt 53": .*syntax error/);
    expect(await page.$('[data-testid=capture-bar]')).toBeNull();
    expect(await page.isEnabled('[data-testid=capture-start]')).toBe(true);
    expect(existsSync(capturesDir)).toBe(false);
    await page.screenshot({ path: screenshotPath('capture-2-bad-filter') });
  });

  it('an out-of-range snaplen is flagged before anything is asked', async () => {
    await page.fill('[data-testid=capture-snaplen]', '20');
    expect(await page.getAttribute('[data-testid=capture-snaplen]', 'aria-invalid')).toBe('true');
    expect(await page.isEnabled('[data-testid=capture-start]')).toBe(false);
    await page.fill('[data-testid=capture-snaplen]', '65535');
    expect(await page.isEnabled('[data-testid=capture-start]')).toBe(true);
  });

  it('starts; flows appear in the table while it runs and the packet counter grows', async () => {
    await page.fill('[data-testid=capture-filter]', FILTER);
    await page.click('[data-testid=capture-start]');
    await page.waitForSelector('[data-testid=capture-bar][data-state=running]');
    expect(await page.$('[data-testid=capture-error]')).toBeNull();
    // Started: the app shows the flows, with the label column up front.
    expect(await page.getAttribute('[data-testid=view-flows]', 'aria-selected')).toBe('true');
    expect(await text('capture-state')).toContain(`Capturing on lo ${FILTER}`);
    await page.waitForSelector('[data-testid=flow-table] .ag-header-cell[col-id=label]');

    udpSources.push(await sendUdp(UDP_PORT, 7));
    await expect.poll(packetCounter, { timeout: 10_000 }).toBe(7);
    await expect.poll(tableRows, { timeout: 10_000 }).toBe(1);
    await expect.poll(() => text('flow-count')).toBe('1 flows');
    // Select the flow: refreshing rows in place must keep it selected and shown.
    await page.click('[data-testid=flow-table] .ag-row[row-id="1"] .ag-cell[col-id=packets]');
    await page.waitForSelector('[data-testid=flow-detail]');
    expect(await text('detail-tuple')).toContain(`:${UDP_PORT}`);
    await page.screenshot({ path: screenshotPath('capture-3-live-first-flow') });

    udpSources.push(await sendUdp(UDP_PORT, 5));
    await expect.poll(packetCounter, { timeout: 10_000 }).toBe(12);
    await expect.poll(tableRows, { timeout: 10_000 }).toBe(2);
    expect(await page.getAttribute('[data-testid=flow-table] .ag-row[row-id="1"]', 'class')).toMatch(/\bag-row-selected\b/);
    expect(await text('selection-info')).toBe('1 selected');
    expect(await text('detail-tuple')).toContain(`:${UDP_PORT}`);
    expect(await page.getAttribute('[data-testid=capture-bar]', 'data-state')).toBe('running');
    expect(await text('cap-flows')).toMatch(/^2 \(\d+ active\)$/);
    expect(await text('cap-drops')).toMatch(/^(\d+|n\/a)$/);
    // libpcap's own count: nothing was lost at this rate.
    expect(await text('cap-dropped')).toBe('0');
    await page.screenshot({ path: screenshotPath('capture-4-live-growing') });
  });

  it('a tag labels the flows that start while it is set; pressing it again clears it', async () => {
    expect(await text('tag-current')).toBe('no tag');
    await page.fill('[data-testid=tag-input]', TAG);
    await page.press('[data-testid=tag-input]', 'Enter');
    await expect.poll(() => text('tag-current')).toBe(TAG);
    await tcpExchanges(TCP_PORT, 3);
    await expect.poll(tableRows, { timeout: 10_000 }).toBe(5);
    await expect.poll(tableLabels, { timeout: 10_000 }).toEqual(['', '', TAG, TAG, TAG]);
    await page.screenshot({ path: screenshotPath('capture-5-tagged') });

    // The tag is now a quick button; pressing the active one clears it.
    const quick = page.locator(`[data-testid=tag-recent][data-tag="${TAG}"]`);
    expect(await quick.getAttribute('aria-pressed')).toBe('true');
    await quick.click();
    await expect.poll(() => text('tag-current')).toBe('no tag');
    expect(await quick.getAttribute('aria-pressed')).toBe('false');
    udpSources.push(await sendUdp(UDP_PORT, 2));
    await expect.poll(tableRows, { timeout: 10_000 }).toBe(6);
    await expect.poll(tableLabels, { timeout: 10_000 }).toEqual(['', '', TAG, TAG, TAG, '']);
  });

  it('the I/O graph follows the capture', async () => {
    await page.click('[data-testid=view-statistics]');
    await page.waitForSelector('[data-testid=io-plot] .scatterlayer');
    const plotted = () => page.$eval('[data-testid=io-plot]', (el) => ((el as unknown as { data: { y: number[] }[] }).data[0].y ?? []).reduce((a, b) => a + b, 0));
    // Everything captured so far is plotted.
    const before = await packetCounter();
    await expect.poll(plotted, { timeout: 10_000 }).toBe(before);
    const t0 = Date.now();
    udpSources.push(await sendUdp(UDP_PORT, 4));
    await expect.poll(plotted, { timeout: 10_000 }).toBe(before + 4);
    console.log(`io graph caught up in ${Date.now() - t0} ms`);
    expect(await packetCounter()).toBe(before + 4);
    await page.screenshot({ path: screenshotPath('capture-6-io-graph-live') });
    await page.click('[data-testid=view-flows]');
  });

  it('stops; the flows and packets equal what flowsight flows reports and tshark counts in the evidence', async () => {
    await page.click('[data-testid=capture-bar-stop]');
    await page.waitForSelector('[data-testid=capture-bar][data-state=stopped]', { timeout: 20_000 });
    expect(await page.$('[data-testid=activity-tags]')).toBeNull();

    const flows = jsonl<Flow>(runCli(['flows', '--case', casePath]).stdout);
    const packets = flows.reduce((n, f) => n + f.packets, 0);
    const udp = flows.filter((f) => f.proto === 'udp');
    expect(udp.map((f) => [f.src_port, f.dst_port, f.packets, f.label])).toEqual([
      [udpSources[0], UDP_PORT, 7, null],
      [udpSources[1], UDP_PORT, 5, null],
      [udpSources[2], UDP_PORT, 2, null],
      [udpSources[3], UDP_PORT, 4, null],
    ]);
    const tcp = flows.filter((f) => f.proto === 'tcp');
    expect(tcp.map((f) => [f.dst_port, f.conn_state, f.label])).toEqual([
      [TCP_PORT, 'SF', TAG],
      [TCP_PORT, 'SF', TAG],
      [TCP_PORT, 'SF', TAG],
    ]);

    await expect.poll(() => text('flow-count')).toBe(`${flows.length} flows`);
    await expect.poll(tableRows).toBe(flows.length);
    // The labels stay in view after the capture, until its outcome is dismissed.
    await expect.poll(tableLabels).toEqual(flows.map((f) => f.label ?? ''));
    expect(await packetCounter()).toBe(packets);
    expect(await text('cap-flows')).toMatch(new RegExp(`^${flows.length} \\(0 active\\)$`));

    const files = readdirSync(capturesDir).map((f) => join(capturesDir, f));
    expect(files).toHaveLength(1);
    const frames = tshark(['-n', '-r', files[0], '-T', 'fields', '-e', 'frame.number']).split('\n').filter(Boolean);
    expect(frames).toHaveLength(packets);
    await page.screenshot({ path: screenshotPath('capture-7-stopped') });
    await page.click('[data-testid=capture-bar-dismiss]');
    expect(await page.$('[data-testid=capture-bar]')).toBeNull();
    // Since labelling (branch labeling) the label is a default column: it stays after the capture.
    // The column is added for the capture alone only when the user's columns leave it out.
    expect(await page.$('[data-testid=flow-table] .ag-header-cell[col-id=label]')).not.toBeNull();
  });

  it('where capture is unavailable, the view says why and the rest of the app works', async () => {
    const reason = 'live capture is unavailable: the libpcap binding (cap) could not be loaded (test). Install libpcap (Debian: apt-get install libpcap-dev) and run npm rebuild cap.';
    const other = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    other.on('pageerror', (e) => pageErrors.push(e.message));
    // As a machine without libpcap answers (the test machine has it).
    await other.route('**/rpc/capture.status', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ result: { available: false, reason, running: null } }) }));
    await other.goto(serve.url);
    await other.waitForSelector('[data-testid=flow-table] .ag-row[row-id]');
    await other.click('[data-testid=view-capture]');
    expect(await other.textContent('[data-testid=capture-unavailable]')).toContain(reason);
    expect(await other.$('[data-testid=capture-start]')).toBeNull();
    await other.screenshot({ path: screenshotPath('capture-8-unavailable') });
    await other.click('[data-testid=view-flows]');
    const flows = jsonl<Flow>(runCli(['flows', '--case', casePath]).stdout);
    await expect.poll(() => other.textContent('[data-testid=flow-count]')).toBe(`${flows.length} flows`);
    await other.close();
  });

  it('the page raised no errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
