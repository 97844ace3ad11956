import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { jsonl, runCli } from '../support/cli';
import { corpus } from '../support/corpus';
import { launchChromium, screenshotPath } from '../support/browser';
import { startServeProcess } from '../support/serve-process';
import { compareAddressText } from '../../shared/net/address-order';
import { tempDir } from '../support/tmp';
import { tshark } from '../support/tshark';

interface Flow {
  id: number;
  proto: string;
  src_ip: string;
  src_port: number;
  dst_ip: string;
  dst_port: number;
  first_ts: number;
  last_ts: number;
  packets: number;
  resets: number;
  retransmissions: number;
  conn_state: string | null;
  app: string | null;
}

const web = corpus('apps/zeek/web.pcap');
const kxun = corpus('apps/ndpi/pcap/1kxun.pcap');
// In web.pcap, the HTTP connection (frames 3–24; frame 6 carries "GET / HTTP/1.0").
const HTTP_TUPLE = { src_ip: '141.42.64.125', src_port: 56730, dst_ip: '125.190.109.199', dst_port: 80 };
const FILTER = 'tcp.port == 80 || udp.port == 53';

/** A frame's bytes as `tshark -x` prints them: hex and ASCII per 16-byte line. */
function tsharkHexLines(file: string, frame: number): { hex: string; ascii: string }[] {
  const out = tshark(['-n', '-r', file, '-o', 'tcp.desegment_tcp_streams:FALSE', '-x', '-Y', `frame.number == ${frame}`]);
  const lines: { hex: string; ascii: string }[] = [];
  for (const line of out.split('\n')) {
    if (!line.trim()) {
      if (lines.length) break;
      continue;
    }
    lines.push({ hex: line.slice(6, 53).replace(/\s+/g, ''), ascii: line.slice(56) });
  }
  return lines;
}

function packetCount(file: string): number {
  return tshark(['-n', '-r', file, '-T', 'fields', '-e', 'frame.number']).split('\n').filter(Boolean).length;
}

function distinctAddresses(flows: Flow[]): number {
  return new Set(flows.flatMap((f) => [f.src_ip, f.dst_ip])).size;
}

describe('serve-mode UI: investigating flows (filter → table → detail → packets → export, statistics)', () => {
  const tmp = tempDir();
  const casePath = tmp.path('investigate.flowsight');
  const cliFlows = (filter = '') => jsonl<Flow>(runCli(['flows', '--case', casePath, ...(filter ? ['--filter', filter] : [])]).stdout);
  let all: Flow[];
  let browser: Browser;
  let page: Page;
  let serve: Awaited<ReturnType<typeof startServeProcess>>;
  const pageErrors: string[] = [];

  const count = () => page.textContent('[data-testid=flow-count]');
  const gridRowCount = (grid: string) => page.getAttribute(`[data-testid=${grid}] [aria-rowcount]`, 'aria-rowcount');
  const applyFilter = async (text: string) => {
    await page.fill('[data-testid=filter-input]', text);
    await page.press('[data-testid=filter-input]', 'Enter');
  };

  beforeAll(async () => {
    const r = runCli(['ingest', '--quiet', '--case', casePath, web, kxun]);
    expect(r.code, r.stderr).toBe(0);
    all = cliFlows();
    serve = await startServeProcess(['--case', casePath], { FLOWSIGHT_DATA: tmp.path('data') });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    // Anything the strict CSP refuses (an eval in plotly, an inline script) is recorded here.
    await page.addInitScript(() => {
      const w = window as unknown as { cspViolations: string[] };
      w.cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto(serve.url);
    await page.waitForSelector('.ag-row[row-index="0"]');
    await page.waitForFunction((n) => document.querySelector('[data-testid=flow-count]')?.textContent === `${n} flows`, all.length);
  });
  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
    tmp.cleanup();
  });

  it('colours reset and retransmitting flows, with a legend that turns it off', async () => {
    const resetState = (f: Flow) => f.resets > 0 || ['REJ', 'RSTO', 'RSTR', 'RSTOS0', 'RSTRH'].includes(f.conn_state ?? '');
    const reset = all.find(resetState);
    const retrans = all.find((f) => f.retransmissions > 0 && !resetState(f));
    const plain = all.find((f) => f.retransmissions === 0 && !resetState(f));
    expect(reset && retrans && plain).toBeTruthy();
    if (!reset || !retrans || !plain) return;
    // Only these three on screen (the grid renders the rows that are visible).
    await page.fill('[data-testid=filter-input]', `id in {${reset.id} ${retrans.id} ${plain.id}}`);
    await page.press('[data-testid=filter-input]', 'Enter');
    await expect.poll(() => page.textContent('[data-testid=flow-count]')).toMatch(/^3 /);
    await expect.poll(() => page.getAttribute(`[data-testid=flow-table] .ag-row[row-id="${reset.id}"]`, 'class')).toMatch(/\brow-reset\b/);
    expect(await page.getAttribute(`[data-testid=flow-table] .ag-row[row-id="${retrans.id}"]`, 'class')).toMatch(/\brow-retrans\b/);
    expect(await page.getAttribute(`[data-testid=flow-table] .ag-row[row-id="${plain.id}"]`, 'class')).not.toMatch(/\brow-(reset|retrans)\b/);
    await page.screenshot({ path: screenshotPath('investigate-1-flows') });
    await page.uncheck('[data-testid=colour-toggle]');
    expect(await page.getAttribute('[data-testid=flow-table]', 'class')).not.toMatch(/colour-rows/);
    await page.check('[data-testid=colour-toggle]');
    expect(await page.getAttribute('[data-testid=flow-table]', 'class')).toMatch(/colour-rows/);
    await page.fill('[data-testid=filter-input]', '');
    await page.press('[data-testid=filter-input]', 'Enter');
    await expect.poll(() => page.textContent('[data-testid=flow-count]')).toMatch(new RegExp(`^${all.length} `));
  });

  it('an invalid filter turns the bar red, marks the offending token and says where; Enter does not apply it', async () => {
    await page.fill('[data-testid=filter-input]', 'tcp.prt == 80');
    await expect.poll(() => page.getAttribute('[data-testid=filter-field]', 'data-status')).toBe('invalid');
    expect(await page.textContent('[data-testid=filter-bad]')).toBe('tcp.prt');
    expect(await page.textContent('[data-testid=filter-error]')).toBe('unknown field "tcp.prt" (did you mean "tcp.port"?) (column 1)');
    const red = await page.$eval('[data-testid=filter-field]', (el) => getComputedStyle(el).backgroundColor);
    expect(red).toBe('rgb(253, 236, 236)');
    await page.screenshot({ path: screenshotPath('investigate-2-filter-invalid') });

    await page.fill('[data-testid=filter-input]', 'tcp.port == 80 &&');
    await expect.poll(() => page.textContent('[data-testid=filter-bad]')).toBe('&&');
    expect(await page.textContent('[data-testid=filter-error]')).toBe('expected a field or "(" after "&&" (column 16)');
    await page.press('[data-testid=filter-input]', 'Enter');
    expect(await count()).toBe(`${all.length} flows`);
  });

  it('completes field names as they are typed (Tab takes the first)', async () => {
    await page.fill('[data-testid=filter-input]', '');
    await page.locator('[data-testid=filter-input]').pressSequentially('tcp.dst');
    await page.waitForSelector('[data-testid=filter-suggestions]');
    expect(await page.locator('[data-testid=filter-suggestions] li code').first().textContent()).toBe('tcp.dstport');
    await page.screenshot({ path: screenshotPath('investigate-2b-filter-completion') });
    await page.keyboard.press('Tab');
    expect(await page.inputValue('[data-testid=filter-input]')).toBe('tcp.dstport');
    expect(await page.locator('[data-testid=filter-suggestions]').count()).toBe(0);
  });

  it('a valid filter turns green; Enter applies it and the count equals flowsight flows --filter', async () => {
    const expected = cliFlows(FILTER);
    expect(expected.length).toBeGreaterThan(50);
    expect(expected.length).toBeLessThan(all.length);
    await page.fill('[data-testid=filter-input]', FILTER);
    await expect.poll(() => page.getAttribute('[data-testid=filter-field]', 'data-status')).toBe('valid');
    expect(await page.$eval('[data-testid=filter-field]', (el) => getComputedStyle(el).backgroundColor)).toBe('rgb(233, 246, 236)');
    expect(await page.locator('[data-testid=filter-error]').count()).toBe(0);
    await page.press('[data-testid=filter-input]', 'Enter');
    await expect.poll(count).toBe(`${expected.length} flows`);
    await expect.poll(() => gridRowCount('flow-table')).toBe(String(expected.length + 1));
    expect(await page.textContent('[data-testid=flow-total]')).toBe(`of ${all.length} in the case`);
    // Every row on screen is one the CLI's filter selects.
    const ids = new Set(expected.map((f) => f.id));
    const shownIds = () => page.$$eval('[data-testid=flow-table] .ag-row[row-id]', (rows) => rows.map((r) => Number(r.getAttribute('row-id'))));
    await expect.poll(async () => (await shownIds()).length).toBeGreaterThan(10);
    const shown = await shownIds();
    for (const id of shown) expect(ids.has(id), `flow ${id}`).toBe(true);
    await page.screenshot({ path: screenshotPath('investigate-3-filter-applied') });
  });

  it('keeps applied filters in the history for this case and saves named ones', async () => {
    await page.click('[data-testid=filter-menu]');
    expect(await page.locator('[data-testid=recent-filter]').first().textContent()).toBe(FILTER);
    await page.fill('[data-testid=filter-save-name]', 'web and dns');
    await page.click('[data-testid=filter-save]');
    expect(await page.locator('[data-testid=saved-filter]').first().textContent()).toBe(`web and dns${FILTER}`);
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
    expect(stored).toContain('flowsight.saved-filters');
    expect(stored).toContain(`flowsight.filter-history:${casePath}`);
    await page.keyboard.press('Escape');
  });

  it('shows a filter the main process refused the same way (position and length from the error details)', async () => {
    await page.route('**/rpc/flows.count', (route) =>
      route.fulfill({ status: 400, contentType: 'application/json', body: JSON.stringify({ error: { code: 'invalid_request', message: 'filter: no such thing', details: ['position 5', 'length 4'] } }) }),
    );
    await applyFilter('port == 1234');
    await expect.poll(() => page.textContent('[data-testid=filter-error]')).toBe('no such thing (column 6)');
    expect(await page.textContent('[data-testid=filter-bad]')).toBe('== 1');
    expect(await page.getAttribute('[data-testid=filter-field]', 'data-status')).toBe('invalid');
    await page.unroute('**/rpc/flows.count');
    await applyFilter(FILTER);
    await expect.poll(count).toBe(`${cliFlows(FILTER).length} flows`);
  });

  it('selecting a flow shows its 5-tuple, every packet, a packet\'s bytes as tshark -x prints them, and the TCP stream', async () => {
    const flow = all.find((f) => f.src_ip === HTTP_TUPLE.src_ip && f.src_port === HTTP_TUPLE.src_port && f.dst_port === HTTP_TUPLE.dst_port)!;
    expect(flow.packets).toBe(22);
    await page.click(`[data-testid=flow-table] .ag-row[row-id="${flow.id}"] .ag-cell[col-id=src_ip]`);
    await expect.poll(() => page.textContent('[data-testid=detail-tuple]')).toBe(`TCP ${flow.src_ip}:${flow.src_port} → ${flow.dst_ip}:${flow.dst_port}`);
    expect(await page.textContent('[data-testid=flow-summary]')).toContain(web);

    // Exactly `packets` rows: the grid's count, and the last row is number 22.
    await expect.poll(() => gridRowCount('packet-list')).toBe(String(flow.packets + 1));
    await page.$eval('[data-testid=packet-list] .ag-grid-viewport', (el) => el.scrollTo(0, el.scrollHeight));
    await expect.poll(() => page.textContent(`[data-testid=packet-list] .ag-row[row-index="${flow.packets - 1}"] .ag-cell[col-id=number]`)).toBe(String(flow.packets));
    expect(await page.locator(`[data-testid=packet-list] .ag-row[row-index="${flow.packets}"]`).count()).toBe(0);
    await page.$eval('[data-testid=packet-list] .ag-grid-viewport', (el) => el.scrollTo(0, 0));

    // Packet 4 is the GET (frame 6 of web.pcap).
    await page.click('[data-testid=packet-list] .ag-row[row-index="3"] .ag-cell[col-id=info]');
    await expect.poll(() => page.textContent('[data-testid=hex-view] .hex-head')).toContain('Packet 4 · 164 bytes on wire');
    const ours = await page.$$eval('[data-testid=hex-line]', (lines) =>
      lines.map((l) => ({ hex: (l.querySelector('.hex-bytes')!.textContent ?? '').replace(/\s+/g, ''), ascii: l.querySelector('.hex-ascii')!.textContent ?? '' })),
    );
    const theirs = tsharkHexLines(web, 6);
    expect(theirs.length).toBe(Math.ceil(164 / 16));
    expect(ours.map((l) => l.hex)).toEqual(theirs.map((l) => l.hex));
    expect(ours.map((l) => l.ascii)).toEqual(theirs.map((l) => l.ascii));
    await page.screenshot({ path: screenshotPath('investigate-4-detail-hex') });

    await page.click('[data-testid=tab-stream]');
    await page.waitForSelector('[data-testid=stream-text]');
    const client = await page.$$eval('[data-testid=stream-text] .stream-client', (s) => s.map((x) => x.textContent));
    const server = await page.$$eval('[data-testid=stream-text] .stream-server', (s) => s.map((x) => x.textContent));
    expect(client[0]).toMatch(/^GET \/ HTTP\/1\.0\nUser-Agent: Wget\/1\.10\n/);
    expect(client[0]).toContain('Host: www.icir.org\n');
    expect(server[0]).toMatch(/^HTTP\/1\.1 200 OK\n/);
    expect(await page.locator('[data-testid=stream-truncated]').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('investigate-5-follow-stream') });
    await page.click('[data-testid=tab-packets]');
  });

  /**
   * Serve-mode export from the page: export.start without a path, then, once
   * job.finished says done, a browser download of the URL the call returned.
   * The bytes checked are the browser's own copy.
   */
  async function exportFromPage(click: () => Promise<void>, format: string): Promise<string> {
    const started = page.waitForResponse('**/rpc/export.start');
    const download = page.waitForEvent('download');
    await click();
    const response = await started;
    const request = JSON.parse(response.request().postData() ?? '{}') as { path?: string; format: string };
    expect(request.path).toBeUndefined();
    expect(request.format).toBe(format);
    const { result } = (await response.json()) as { result: { jobId: string; download: string } };
    expect(result.download).toBe(`/download/${result.jobId}`);
    // The page asks for the download only after the job is done.
    const d = await download;
    expect(new URL(d.url()).pathname).toBe(result.download);
    await expect.poll(() => page.textContent('[data-testid=job-result]')).toContain('Export done');
    expect(await d.failure()).toBeNull();
    return d.path();
  }

  it('exports the filtered flows as pcapng in serve mode: exactly their packets', async () => {
    const expected = cliFlows(FILTER).reduce((n, f) => n + f.packets, 0);
    await page.click('[data-testid=export-menu]');
    await page.screenshot({ path: screenshotPath('investigate-6-export-menu') });
    const file = await exportFromPage(() => page.click('[data-testid=export-filtered-pcapng]'), 'pcapng');
    expect(packetCount(file)).toBe(expected);
  });

  it('serve mode still serves a finished export once its worker has exited', async () => {
    const started = page.waitForResponse('**/rpc/export.start');
    await page.click('[data-testid=export-menu]');
    await page.click('[data-testid=export-filtered-csv]');
    const { result } = (await (await started).json()) as { result: { jobId: string; download: string } };
    await expect.poll(() => page.textContent('[data-testid=job-result]')).toContain('Export done');
    // The job-result line may still show the previous export's: wait until this one is served, then once more after its worker has gone.
    const fetchDownload = () =>
      page.evaluate(async (url) => {
        const r = await fetch(url);
        return { status: r.status, text: await r.text() };
      }, result.download);
    await expect.poll(async () => (await fetchDownload()).status, { timeout: 30_000 }).toBe(200);
    await page.waitForTimeout(500);
    const got = await fetchDownload();
    expect(got.status).toBe(200);
    expect(got.text).toBe(runCli(['flows', '--case', casePath, '--format', 'csv', '--filter', FILTER]).stdout);
  });

  it('exports a Ctrl-click multi-selection from the context menu', async () => {
    const [a, b] = cliFlows(FILTER);
    await page.click(`[data-testid=flow-table] .ag-row[row-id="${a.id}"] .ag-cell[col-id=dst_ip]`);
    await page.click(`[data-testid=flow-table] .ag-row[row-id="${b.id}"] .ag-cell[col-id=dst_ip]`, { modifiers: ['Control'] });
    await expect.poll(() => page.textContent('[data-testid=selection-info]')).toBe('2 selected');
    await page.click(`[data-testid=flow-table] .ag-row[row-id="${b.id}"] .ag-cell[col-id=dst_ip]`, { button: 'right' });
    await page.waitForSelector('[data-testid=flow-context-menu]');
    await page.screenshot({ path: screenshotPath('investigate-7-context-menu') });
    const file = await exportFromPage(() => page.click('[data-testid=context-export-csv]'), 'csv');
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines[0]).toMatch(/^id,proto,/);
    expect(lines.slice(1).map((l) => Number(l.split(',')[0])).sort((x, y) => x - y)).toEqual([a.id, b.id].sort((x, y) => x - y));
  });

  it('the column chooser lists every registry field by group and remembers the choice', async () => {
    await page.click('[data-testid=column-chooser]');
    await page.fill('[data-testid=column-search]', 'history');
    await page.check('[data-testid=column-chooser-panel] input[data-field=history]');
    await page.screenshot({ path: screenshotPath('investigate-8-column-chooser') });
    await page.keyboard.press('Escape');
    const header = '[data-testid=flow-table] .ag-header-cell[col-id=history]';
    await page.waitForSelector(header, { state: 'attached' });
    await page.reload();
    await page.waitForSelector('.ag-row[row-index="0"]');
    await page.waitForSelector(header, { state: 'attached' });
    expect(await page.evaluate(() => localStorage.getItem('flowsight.flow-columns'))).toContain('"history"');
    await expect.poll(count).toBe(`${all.length} flows`);
  });

  it('statistics: endpoints and conversations over the scope, the app breakdown, and an I/O graph whose brush narrows the flows', async () => {
    await page.click('[data-testid=view-statistics]');
    await page.waitForSelector('[data-testid=io-plot] .scatterlayer .trace');
    expect(await page.locator('[data-testid=io-plot] .scatterlayer .trace').count()).toBe(2);

    await page.click('[data-testid=tab-endpoints]');
    const endpoints = distinctAddresses(all);
    await expect.poll(() => page.textContent('[data-testid=endpoints-count]')).toMatch(new RegExp(`^${endpoints} endpoints`));
    await expect.poll(() => gridRowCount('endpoints')).toBe(String(endpoints + 1));
    // Sorted by address, addresses go by value (10.0.0.2 before 10.0.0.10), not as text.
    await page.click('[data-testid=endpoints] .ag-header-cell[col-id=address] .ag-header-cell-label');
    const byValue = [...new Set(all.flatMap((f) => [f.src_ip, f.dst_ip]))].sort(compareAddressText).slice(0, 8);
    expect(byValue).not.toEqual([...byValue].sort());
    const shownAddresses = () =>
      page.locator('[data-testid=endpoints] .ag-row').evaluateAll((rows) =>
        rows
          .map((r) => [Number(r.getAttribute('row-index')), r.querySelector('[col-id=address]')?.textContent ?? null] as const)
          .filter(([i, a]) => a !== null && i < 8)
          .sort((x, y) => x[0] - y[0])
          .map(([, a]) => a),
      );
    await expect.poll(shownAddresses).toEqual(byValue);
    // The rows glide to their sorted places: let the animation end before the picture.
    await page.waitForTimeout(800);
    await page.screenshot({ path: screenshotPath('investigate-9-statistics') });

    // The same over a filter: the statistics follow the applied scope.
    await applyFilter('udp.port == 53');
    const dns = cliFlows('udp.port == 53');
    await expect.poll(() => page.textContent('[data-testid=endpoints-count]')).toMatch(new RegExp(`^${distinctAddresses(dns)} endpoints`));
    await page.click('[data-testid=filter-clear]');
    await expect.poll(() => page.textContent('[data-testid=endpoints-count]')).toMatch(new RegExp(`^${endpoints} endpoints`));

    await page.click('[data-testid=tab-breakdown]');
    await page.waitForSelector('[data-testid=breakdown-plot] .barlayer .point');
    const apps = new Set(all.map((f) => f.app ?? null)).size;
    expect(await page.locator('[data-testid=breakdown-table] tbody tr').count()).toBe(apps);
    await page.screenshot({ path: screenshotPath('investigate-10-breakdown') });

    // Brush the right quarter of the graph: the flows narrow to those overlapping that time.
    const box = (await page.locator('[data-testid=io-plot] .nsewdrag').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.75, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.87, box.y + box.height / 2, { steps: 5 });
    await page.mouse.move(box.x + box.width - 2, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await page.waitForSelector('[data-testid=range-chip]');
    const from = Number(await page.getAttribute('[data-testid=range-chip]', 'data-from'));
    const to = Number(await page.getAttribute('[data-testid=range-chip]', 'data-to'));
    const inRange = cliFlows(`last_ts >= ${from} && first_ts <= ${to}`);
    expect(inRange.length).toBeGreaterThan(0);
    expect(inRange.length).toBeLessThan(all.length);
    expect(inRange).toEqual(all.filter((f) => f.last_ts >= from && f.first_ts <= to));
    await expect.poll(count).toBe(`${inRange.length} flows`);
    await page.screenshot({ path: screenshotPath('investigate-11-io-graph-brushed') });

    // The table follows the range too.
    await page.click('[data-testid=view-flows]');
    await expect.poll(() => gridRowCount('flow-table')).toBe(String(inRange.length + 1));
    await page.click('[data-testid=range-clear]');
    await expect.poll(count).toBe(`${all.length} flows`);

    expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
