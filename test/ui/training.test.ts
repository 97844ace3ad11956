import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ACTIVITY_LABELS, generateActivityScenario, type ActivityScenario } from '../generators/activity-scenario';
import { launchChromium, screenshotPath } from '../support/browser';
import { jsonl, runCli } from '../support/cli';
import { groundTruthClasses } from '../support/ground-truth';
import { startServeProcess } from '../support/serve-process';
import { tempDir } from '../support/tmp';

describe('serve-mode UI: training view (train, cancel, confusion heatmap, per-class scores, importance, apply)', () => {
  const tmp = tempDir();
  const casePath = tmp.path('training.flowsight');
  let scenario: ActivityScenario;
  let browser: Browser;
  let page: Page;
  let serve: Awaited<ReturnType<typeof startServeProcess>>;
  const pageErrors: string[] = [];
  const classes = [...ACTIVITY_LABELS].sort();

  beforeAll(async () => {
    scenario = generateActivityScenario({ seed: 3, outDir: tmp.path('s3'), captures: 3, sessions: 70 });
    const r = runCli(['ingest', '--quiet', '--case', casePath, ...scenario.captures]);
    expect(r.code, r.stderr).toBe(0);
    serve = await startServeProcess(['--case', casePath], { FLOWSIGHT_DATA: tmp.path('data') });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(serve.url);
    await page.waitForSelector('[data-testid=label-panel]');
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
    tmp.cleanup();
  });

  it('labels the flows of each class by display filter in the labelling panel', async () => {
    const applyFilter = async (text: string) => {
      await page.fill('[data-testid=filter-input]', text);
      await page.press('[data-testid=filter-input]', 'Enter');
    };
    for (const [label, ids] of groundTruthClasses(casePath, scenario.rows)) {
      await applyFilter(`id in {${ids.join(', ')}}`);
      await page.fill('[data-testid=label-input]', label);
      await expect.poll(() => page.textContent('[data-testid=label-apply-filter]')).toBe(`Filter (${ids.length})`);
      await page.click('[data-testid=label-apply-filter]');
      await expect.poll(() => page.textContent('[data-testid=label-outcome]')).toBe(`labelled "${label}": ${ids.length} of ${ids.length} filtered changedUndo`);
    }
    await applyFilter('');
    // Every ground-truth flow carries its class, labelled by filter.
    const labelled = jsonl<{ id: number; label: string }>(runCli(['flows', '--case', casePath, '--filter', 'label', '--format', 'jsonl']).stdout);
    expect(labelled).toHaveLength(scenario.rows.length);
    await page.screenshot({ path: screenshotPath('training-0-labelled') });
    await page.click('[data-testid=view-training]');
    await page.waitForSelector('[data-testid=classifier-form]');
  });

  it('shows progress while training and cancels it: no model is stored', async () => {
    expect(await page.textContent('[data-testid=model-list]')).toContain('No model yet');
    // A long run to cancel: boosted trees, 20 folds.
    await page.selectOption('[data-testid=train-algorithm]', 'gbt');
    await page.fill('[data-testid=train-folds]', '20');
    await page.click('[data-testid=train-start]');
    await page.waitForSelector('[data-testid=train-progress]');
    // The worker's own progress (its phase and share done), not just the button's "Starting…".
    await expect.poll(() => page.textContent('[data-testid=train-progress] span:first-child'), { timeout: 30_000 }).toMatch(/^(Reading labelled flows|Stratified k-fold evaluation|Evaluation by capture)$/);
    await expect.poll(async () => Number(await page.getAttribute('[data-testid=train-progress]', 'aria-valuenow')), { timeout: 30_000 }).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('training-1-progress') });
    await page.click('[data-testid=train-cancel]');
    await expect.poll(() => page.textContent('[data-testid=train-outcome]').catch(() => null), { timeout: 30_000 }).toBe('Training cancelled; no model was stored.');
    expect(await page.isVisible('[data-testid=train-start]')).toBe(true);
    expect(runCli(['models', '--case', casePath]).stdout.trim().split('\n')).toHaveLength(1); // the header only
  });

  it('trains a random forest and shows the confusion heatmap and per-class scores of both evaluations, matching the ground truth and the CLI', async () => {
    await page.selectOption('[data-testid=train-algorithm]', 'rf');
    await page.fill('[data-testid=train-folds]', '5');
    await page.click('[data-testid=train-start]');
    await page.waitForSelector('[data-testid=confusion-matrix]', { timeout: 120_000 });
    expect(await page.textContent('[data-testid=model-title]')).toBe('activity-rf v1');

    // Rows of the heatmap: one per class, each summing to that class's flows in the ground truth.
    const truth = new Map<string, number>();
    for (const r of scenario.rows) truth.set(r.label, (truth.get(r.label) ?? 0) + 1);
    const heat = await page.$$eval('[data-testid=confusion-matrix] tbody tr', (trs) =>
      trs.map((tr) => ({ name: tr.querySelector('th')!.textContent!, cells: [...tr.querySelectorAll('td')].map((td) => Number(td.textContent || 0)) })),
    );
    expect(heat.map((r) => r.name)).toEqual(classes.map((c, k) => `${k + 1}. ${c}`));
    expect(heat.map((r) => r.cells.reduce((a, b) => a + b, 0))).toEqual(classes.map((c) => truth.get(c)));

    // The same numbers as `flowsight models --show` prints (grouped evaluation first in the view).
    const cli = runCli(['models', '--case', casePath, '--show', '1']).stdout;
    const [, strat, grouped] = /macro-F1 +(\d\.\d{3}) +(\d\.\d{3})/.exec(cli)!;
    expect(await page.textContent('[data-testid=macro-grouped] .macro-value')).toBe(grouped);
    expect(await page.textContent('[data-testid=macro-stratified] .macro-value')).toBe(strat);
    expect(await page.textContent('[data-testid=macro-f1]')).toBe(grouped);
    const perClass = await page.$$eval('[data-testid=class-metrics] tbody tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
    expect(perClass.map((r) => [r[0], Number(r[4])])).toEqual(classes.map((c) => [c, truth.get(c)]));
    for (const row of perClass) {
      const cliRow = cli.split('\n').find((l) => l.startsWith(`${row[0]} `))!.trim().split(/ +/);
      expect(row.slice(1, 4)).toEqual(cliRow.slice(5, 8)); // grouped precision, recall, F1
    }
    expect(await page.$$eval('[data-testid=feature-importance] .importance-row', (r) => r.length)).toBe(20);
    await page.screenshot({ path: screenshotPath('training-2-grouped') });

    // Export downloads exactly the model file the CLI exports.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=model-export]')]);
    expect(download.suggestedFilename()).toBe('activity-rf-v1.model.json');
    await download.saveAs(tmp.path('ui-export.json'));
    expect(runCli(['models', '--case', casePath, '--export', '1', '--out', tmp.path('cli-export.json')]).code).toBe(0);
    expect(readFileSync(tmp.path('ui-export.json'), 'utf8')).toBe(readFileSync(tmp.path('cli-export.json'), 'utf8'));

    await page.click('[data-testid=tab-stratified]');
    await expect.poll(() => page.textContent('[data-testid=macro-f1]')).toBe(strat);
    await page.screenshot({ path: screenshotPath('training-3-stratified') });
  });

  it('applies the model: predictions are filterable in the flow table, and "label next" lists the least sure flows', async () => {
    await page.click('[data-testid=model-apply]');
    await expect.poll(() => page.textContent('[data-testid=train-outcome]').catch(() => null), { timeout: 60_000 }).toMatch(/^Predictions written for [\d,]+ flows/);
    await expect.poll(() => page.textContent('[data-testid=model-list]')).toContain('applied');
    const filter = 'prediction == "Chatter/voice-call" && confidence > 0.9';
    const expected = jsonl(runCli(['flows', '--case', casePath, '--filter', filter]).stdout).length;
    expect(expected).toBeGreaterThan(0);

    // Label next: the least sure unlabelled flows, as the CLI lists them; "Show in flows" filters the table to them.
    const cliNext = jsonl<{ prediction: string; confidence: number }>(runCli(['label-next', '--case', casePath, '--limit', '15']).stdout);
    await page.waitForSelector('[data-testid=label-next] tbody tr');
    const shown = await page.$$eval('[data-testid=label-next] tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    expect(shown).toEqual(cliNext.map((n) => [n.prediction, n.confidence.toFixed(2)]));
    await page.screenshot({ path: screenshotPath('training-4-applied') });
    await page.click('[data-testid=label-next-show]');
    await expect.poll(() => page.textContent('[data-testid=flow-count]')).toBe(`${cliNext.length} flows`);

    await page.fill('[data-testid=filter-input]', filter);
    await page.press('[data-testid=filter-input]', 'Enter');
    await expect.poll(() => page.textContent('[data-testid=flow-count]')).toBe(`${expected} flows`);
    expect(pageErrors).toEqual([]);
  });
});
