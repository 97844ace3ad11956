import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { PlantedFlow } from '../generators/planted';
import { jsonl, runCli } from '../support/cli';
import { launchChromium, screenshotPath } from '../support/browser';
import { attackCapture, benignCapture, outlierCapture } from '../support/scenario';
import { startServeProcess } from '../support/serve-process';
import { tempDir } from '../support/tmp';

type Flow = PlantedFlow & { id: number };
const tupleKey = (f: PlantedFlow) => `${f.proto} ${f.src_ip}:${f.src_port} > ${f.dst_ip}:${f.dst_port}`;

const tmp = tempDir();
let browser: Browser;
const pageErrors: string[] = [];

function ingest(casePath: string, files: string[]): void {
  const r = runCli(['ingest', '--quiet', '--case', casePath, ...files]);
  expect(r.code, r.stderr).toBe(0);
}

/** A page on a serve process for `casePath`, recording script errors and CSP refusals. */
async function openApp(casePath: string): Promise<{ page: Page; stop: () => Promise<void> }> {
  const serve = await startServeProcess(['--case', casePath], { FLOWSIGHT_DATA: tmp.path('data') });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(serve.url);
  await page.waitForSelector('.ag-row[row-index="0"]');
  return {
    page,
    stop: async () => {
      expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
      await page.close();
      await serve.stop();
    },
  };
}

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  tmp.cleanup();
  expect(pageErrors).toEqual([]);
});

describe('serve-mode UI: findings list, click-through to the evidence flows, thresholds', () => {
  const attacks = attackCapture();
  const casePath = tmp.path('attacks.flowsight');
  let page: Page;
  let stop: () => Promise<void>;
  let flows: Map<number, string>;

  const summary = () => page.textContent('[data-testid=findings-summary]');
  const findingRow = (title: string) => page.locator('[data-testid=findings-grid] .ag-row', { hasText: title });

  beforeAll(async () => {
    ingest(casePath, [benignCapture(), attacks.path]);
    flows = new Map(jsonl<Flow>(runCli(['flows', '--case', casePath]).stdout).map((f) => [f.id, tupleKey(f)]));
    ({ page, stop } = await openApp(casePath));
  });
  afterAll(async () => {
    await stop?.();
  });

  it('runs the detectors from the Findings view and lists one finding per planted behaviour', async () => {
    await page.click('[data-testid=view-findings]');
    await expect.poll(summary).toMatch(/^Not run on this case yet/);
    await page.click('[data-testid=findings-run]');
    await expect.poll(summary, { timeout: 60_000 }).toMatch(/^8 findings in [\d,]+ TCP\/UDP flows · detected /);
    await expect.poll(() => page.locator('[data-testid=findings-grid] .ag-row').count()).toBe(8);
    for (const title of ['Vertical port scan', 'Horizontal scan', 'SYN flood', 'Retransmission storm', 'Duplicate-packet burst', 'RST storm', 'Short-lived connection burst', 'Beaconing']) {
      await expect.poll(() => findingRow(title).count(), { message: title }).toBe(1);
    }
    const vertical = findingRow('Vertical port scan');
    expect(await vertical.locator('[col-id=source]').textContent()).toBe('10.66.0.10');
    expect(await vertical.locator('[col-id=target]').textContent()).toBe('192.168.50.10');
    expect(await vertical.locator('[col-id=count]').textContent()).toBe('40');
    await page.screenshot({ path: screenshotPath('findings-1-list') });
  });

  it('a click on a finding shows exactly its evidence flows in the flow table', async () => {
    const truth = attacks.planted.find((p) => p.kind === 'syn_flood')!;
    await findingRow('SYN flood').locator('[col-id=explanation]').click();
    await page.waitForSelector('[data-testid=flow-table]');
    await expect.poll(() => page.textContent('[data-testid=flow-count]')).toBe(`${truth.flows.length} flows`);
    const filter = await page.inputValue('[data-testid=filter-input]');
    expect(filter).toMatch(/^id in \{[\d ]+\}$/);
    const ids = filter.slice('id in {'.length, -1).split(' ').map(Number);
    expect(ids.map((id) => flows.get(id)).sort()).toEqual(truth.flows.map(tupleKey).sort());
    await page.screenshot({ path: screenshotPath('findings-2-evidence-flows') });
  });

  it('thresholds are shown with their defaults and a changed one applies to the next run', async () => {
    await page.click('[data-testid=view-findings]');
    await page.click('[data-testid=findings-thresholds]');
    const minPorts = '[data-testid=threshold-vertical_scan-minPorts]';
    expect(await page.inputValue(minPorts)).toBe('15');
    await page.fill(minPorts, '41');
    await expect.poll(() => page.textContent('[data-testid=findings-thresholds]')).toBe('Thresholds (1 changed)');
    await page.screenshot({ path: screenshotPath('findings-3-thresholds') });
    await page.click('[data-testid=findings-run]');
    await expect.poll(summary, { timeout: 60_000 }).toMatch(/^7 findings in /);
    // Findings found again keep their ids, so the grid takes the scan's row out (animated) rather than reusing it.
    await expect.poll(() => findingRow('Vertical port scan').count()).toBe(0);
    // The list was left and opened again: kinds still read as titles.
    const kinds = async () => (await page.locator('[data-testid=findings-grid] .ag-row [col-id=kind]').allTextContents()).sort();
    await expect.poll(kinds).toEqual(['Beaconing', 'Duplicate-packet burst', 'Horizontal scan', 'Retransmission storm', 'RST storm', 'Short-lived connection burst', 'SYN flood'].sort());
    await page.screenshot({ path: screenshotPath('findings-4-after-threshold') });
  });
});

describe('serve-mode UI: K-Means anomalies (train on a benign baseline, scatter, curves, click-through)', () => {
  const planted = outlierCapture();
  const baselinePath = tmp.path('baseline.flowsight');
  const casePath = tmp.path('outliers.flowsight');
  let page: Page;
  let stop: () => Promise<void>;

  beforeAll(async () => {
    ingest(baselinePath, [benignCapture()]);
    ingest(casePath, [benignCapture(), planted.path]);
    ({ page, stop } = await openApp(casePath));
  });
  afterAll(async () => {
    await stop?.();
  });

  it('trains on the baseline, plots the hosts and lists exactly the planted ones as anomalies', async () => {
    await page.click('[data-testid=view-anomalies]');
    await page.waitForSelector('[data-testid=train-form]');
    await page.fill('[data-testid=train-baseline]', baselinePath);
    await page.click('[data-testid=train-run]');
    await expect.poll(() => page.textContent('[data-testid=anomaly-summary]'), { timeout: 60_000 }).toMatch(/^3 of 63 hosts anomalous · k = 5, mean \+ 3·std, standard, log · trained on 60 points of baseline\.flowsight/);
    await page.waitForSelector('[data-testid=anomaly-scatter] .main-svg');
    const flagged = await page.locator('[data-testid=anomaly-grid] .ag-row.row-anomaly').evaluateAll((rows) => rows.map((r) => r.getAttribute('row-id')!.trim()).sort());
    expect(flagged).toEqual(planted.outliers.map((o) => o.ip).sort());
    // The scatter's anomaly trace holds the three hosts' points.
    const anomalyPoints = await page.$eval('[data-testid=anomaly-scatter]', (el) => {
      const data = (el as unknown as { data: { name?: string; x: number[] }[] }).data;
      return data.filter((t) => /anomal/i.test(t.name ?? '')).reduce((n, t) => n + t.x.length, 0);
    });
    expect(anomalyPoints).toBe(3);
    await page.screenshot({ path: screenshotPath('anomalies-1-scatter') });
  });

  it('suggests k from the elbow and silhouette curves, plotted', async () => {
    await page.click('[data-testid=train-suggest]');
    await expect.poll(() => page.textContent('[data-testid=suggested-k]'), { timeout: 60_000 }).toMatch(/^Best silhouette at k = \d+\./);
    await page.waitForSelector('[data-testid=k-curves] .main-svg');
    await page.screenshot({ path: screenshotPath('anomalies-2-k-curves') });
  });

  it('a click on an anomalous host shows the flows it started', async () => {
    const worm = planted.outliers[1];
    await page.locator(`[data-testid=anomaly-grid] .ag-row[row-id="${worm.ip} "]`).click();
    await page.waitForSelector('[data-testid=flow-table]');
    expect(await page.inputValue('[data-testid=filter-input]')).toBe(`ip.src == ${worm.ip}`);
    // The worm's flows are its SYN probes, one per attempt.
    await expect.poll(() => page.textContent('[data-testid=flow-count]')).toBe(`${worm.failed_connections} flows`);
    await page.screenshot({ path: screenshotPath('anomalies-3-host-flows') });
  });
});
