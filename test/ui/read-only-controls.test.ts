import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { callMutates, type CallName } from '../../shared/contract/calls';
import { defaultProfileSettings } from '../../shared/domain/hosts';
import { BASELINE_ID } from '../../shared/sessions/baseline';
import { writeBehaviourScenario } from '../generators/behaviour-scenario';
import { launchChromium, pageRpc, screenshotPath } from '../support/browser';
import { jsonl, runCli } from '../support/cli';
import { startServeProcess } from '../support/serve-process';
import { tempDir } from '../support/tmp';

/**
 * Every control that makes a case-changing call, by view, with that call and a
 * valid input for it (so a refusal can only be the read-only one). The main
 * process refuses these calls on a read-only case; the page must not offer them.
 */
const controls: { view: string; testId: string; call: CallName; input: unknown }[] = [
  { view: 'findings', testId: 'findings-run', call: 'findings.start', input: {} },
  { view: 'findings', testId: 'findings-thresholds', call: 'findings.start', input: {} },
  { view: 'hosts', testId: 'hosts-compute', call: 'hosts.compute', input: {} },
  { view: 'hosts', testId: 'hosts-settings', call: 'hosts.settings', input: { settings: defaultProfileSettings } },
  { view: 'anomalies', testId: 'train-run', call: 'anomaly.train', input: {} },
  { view: 'anomalies', testId: 'train-suggest', call: 'anomaly.suggestK', input: {} },
  { view: 'training', testId: 'model-import', call: 'models.import', input: { path: '/nonexistent/model.json' } },
  { view: 'sessions', testId: 'sessions-import', call: 'sessions.import', input: { path: '/nonexistent/sessions.csv' } },
  { view: 'sessions', testId: 'sessions-derive', call: 'sessions.derive', input: {} },
  { view: 'sessions', testId: 'sessions-train', call: 'sessions.train', input: {} },
  { view: 'sessions', testId: 'classifier-select', call: 'sessions.setClassifier', input: { active: BASELINE_ID } },
];

/**
 * A case opened read-only (`serve --read-only`): the views still show what the
 * case holds, and every control whose call would change the case is disabled
 * with a tooltip saying why, instead of failing with `read_only` when clicked.
 */
describe('serve-mode UI: a read-only case offers no control that would change it', () => {
  const tmp = tempDir();
  const casePath = tmp.path('office.flowsight');
  let browser: Browser;
  let page: Page;
  let serve: Awaited<ReturnType<typeof startServeProcess>> | undefined;
  const pageErrors: string[] = [];

  const openApp = async (readOnly: boolean) => {
    await serve?.stop();
    serve = await startServeProcess(['--case', casePath, ...(readOnly ? ['--read-only'] : [])], { FLOWSIGHT_DATA: tmp.path('data') });
    await page.goto(serve.url);
    await page.waitForSelector('.ag-row[row-index="0"]');
  };
  /** Whether each control is enabled, and its tooltip, view by view. */
  const states = async () => {
    const out: { testId: string; enabled: boolean; title: string | null }[] = [];
    for (const c of controls) {
      await page.click(`[data-testid=view-${c.view}]`);
      const el = page.locator(`[data-testid=${c.testId}]`);
      await el.waitFor();
      out.push({ testId: c.testId, enabled: await el.isEnabled(), title: await el.getAttribute('title') });
    }
    return out;
  };

  beforeAll(async () => {
    writeBehaviourScenario(tmp.path('office.pcap'));
    expect(runCli(['ingest', '--quiet', '--case', casePath, tmp.path('office.pcap')]).code).toBe(0);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('pageerror', (e) => pageErrors.push(e.message));
  });
  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
    tmp.cleanup();
  });

  it('lists only calls that the contract marks as changing the case', () => {
    expect(controls.filter((c) => !callMutates(c.call))).toEqual([]);
  });

  it('writable: every one of those controls is enabled', async () => {
    await openApp(false);
    const s = await states();
    expect(s.filter((x) => !x.enabled).map((x) => x.testId)).toEqual([]);
    await page.click('[data-testid=view-flows]');
    expect(await page.locator('[data-testid=label-apply-selection]').count()).toBe(1);
    expect(await page.isEnabled('[data-testid=action-ingest]')).toBe(true);
    expect(await page.locator('[data-testid=read-only-badge]').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it('read-only: each is disabled, says why, and its call is indeed refused', async () => {
    await openApp(true);
    const s = await states();
    expect(s.filter((x) => x.enabled).map((x) => x.testId)).toEqual([]);
    for (const x of s) expect(x.title, x.testId).toMatch(/^This case is open read-only: open it writable to /);
    // The page and the main process agree: the same calls answer read_only.
    for (const c of controls) {
      const r = await pageRpc(page, c.call, c.input);
      expect(r.error?.code, `${c.call}: ${JSON.stringify(r)}`).toBe('read_only');
    }
    // Reading still works: the views explain that nothing was computed, rather than offering to.
    await page.click('[data-testid=view-hosts]');
    await expect.poll(() => page.textContent('[data-testid=hosts]')).toContain('open it writable to compute them');
    await page.click('[data-testid=view-findings]');
    await expect.poll(() => page.textContent('[data-testid=findings-summary]')).toContain('open read-only');
    await page.screenshot({ path: screenshotPath('read-only-1-findings') });

    expect(await page.textContent('[data-testid=read-only-badge]')).toBe('read-only');
    expect(await page.isEnabled('[data-testid=action-ingest]')).toBe(false);
    expect(await page.isEnabled('[data-testid=action-flowlog]')).toBe(false);
    expect(await page.getAttribute('[data-testid=action-ingest]', 'title')).toBe('This case is open read-only: open it writable to add evidence to it.');
    pageErrors.length = 0;
  });

  it('read-only: the label panel shows labels without the controls or keys that change them', async () => {
    await page.click('[data-testid=view-flows]');
    await expect.poll(() => page.textContent('[data-testid=label-read-only]')).toContain('open it writable to label flows');
    expect(await page.locator('[data-testid=label-apply-selection]').count()).toBe(0);
    expect(await page.locator('[data-testid=label-input]').count()).toBe(0);
    // With a recent label on key 1, the label key on a selected row does nothing:
    // no request, no error, no label.
    await page.evaluate(() => localStorage.setItem('flowsight.recent-labels', JSON.stringify(['web'])));
    await page.reload();
    await page.waitForSelector('.ag-row[row-index="0"]');
    await page.click('.ag-row[row-index="0"] [col-id=id]');
    const changing: string[] = [];
    page.on('request', (r) => {
      const { pathname } = new URL(r.url());
      const call = pathname.startsWith('/rpc/') ? (pathname.slice(5) as CallName) : null;
      if (call && callMutates(call)) changing.push(call);
    });
    await page.keyboard.press('1');
    await page.keyboard.press('u');
    // Give a request the keys might make time to leave.
    await page.waitForTimeout(500);
    expect(changing).toEqual([]);
    await page.screenshot({ path: screenshotPath('read-only-2-flows') });
    expect(await page.locator('[data-testid=label-outcome]').count()).toBe(0);
    const labelled = jsonl<{ label: string | null }>(runCli(['flows', '--case', casePath]).stdout).filter((f) => f.label !== null);
    expect(labelled).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
