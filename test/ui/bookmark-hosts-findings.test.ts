import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { currentUser } from '../../electron/cases/case-user';
import { writeBehaviourScenario } from '../generators/behaviour-scenario';
import { launchChromium, pageRpc, screenshotPath } from '../support/browser';
import { jsonl, runCli } from '../support/cli';
import { startServeProcess } from '../support/serve-process';
import { tempDir } from '../support/tmp';

interface BookmarkRec {
  kind: string;
  key: string;
  tag: string;
  author: string;
  label: string;
}
interface AuditRec {
  action: string;
  params: Record<string, unknown>;
}
interface FindingRec {
  id: number;
  kind: string;
}

/**
 * The generated office (test/generators/behaviour-scenario.ts): alice-laptop
 * on two addresses, bob-desktop on one, and a scanner that probes five of
 * bob's ports, which the vertical-scan and RST-storm detectors report with
 * their thresholds lowered to five.
 */
describe('serve-mode UI: bookmarking hosts and findings from their views', () => {
  const tmp = tempDir();
  const casePath = tmp.path('office.flowsight');
  let browser: Browser;
  let page: Page;
  let serve: Awaited<ReturnType<typeof startServeProcess>>;
  let findings: FindingRec[];
  const pageErrors: string[] = [];

  const cliBookmarks = (...args: string[]) =>
    jsonl<BookmarkRec>(runCli(['bookmarks', '--case', casePath, '--format', 'jsonl', ...args]).stdout)
      .map((b) => ({ kind: b.kind, key: b.key, tag: b.tag, author: b.author, label: b.label }))
      .sort((a, b) => `${a.kind}:${a.key}`.localeCompare(`${b.kind}:${b.key}`));
  const auditTrail = () => jsonl<AuditRec>(runCli(['audit', '--case', casePath, '--format', 'jsonl']).stdout);
  const hostRow = (name: string) => page.locator(`[data-testid=hosts-table] .ag-row:not(.ag-row-pinned):has-text("${name}")`);
  const findingRow = (id: number) => page.locator(`[data-testid=findings-grid] .ag-row[row-id="${id}"]`);
  const hostNames = () => page.locator('[data-testid=hosts-table] .ag-row:not(.ag-row-pinned) [col-id=address]').allTextContents();
  /** A call's result through serve mode's RPC, as the page makes it. */
  const rpc = async <T>(call: string, input: unknown) => (await pageRpc(page, call, input)).result as T;
  const openApp = async (readOnly: boolean) => {
    serve = await startServeProcess(['--case', casePath, ...(readOnly ? ['--read-only'] : [])], { FLOWSIGHT_DATA: tmp.path('data') });
    await page.goto(serve.url);
    await page.waitForSelector('.ag-row[row-index="0"]');
  };

  beforeAll(async () => {
    writeBehaviourScenario(tmp.path('office.pcap'));
    expect(runCli(['ingest', '--quiet', '--case', casePath, tmp.path('office.pcap')]).code).toBe(0);
    expect(runCli(['hosts', '--quiet', '--case', casePath]).code).toBe(0);
    const f = runCli(['findings', '--quiet', '--case', casePath, '--threshold', 'vertical_scan.minPorts=5', '--threshold', 'rst_storm.minResets=5']);
    expect(f.code, f.stderr).toBe(0);
    expect(jsonl<{ kind: string }>(f.stdout).map((r) => r.kind)).toEqual(['vertical_scan', 'rst_storm']);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await openApp(false);
    findings = (await rpc<{ findings: FindingRec[] }>('findings.list', {})).findings;
    expect(findings.map((x) => x.kind).sort()).toEqual(['rst_storm', 'vertical_scan']);
  });
  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
    tmp.cleanup();
  });

  it('bookmarks a host from its row: the tag shows in the row and on its page, the CLI lists exactly that host, audited', async () => {
    await page.click('[data-testid=view-hosts]');
    await expect.poll(() => page.textContent('[data-testid=hosts-status]')).toMatch(/^4 hosts · computed /);
    expect(await page.locator('[data-testid=hosts-table] [data-testid=bookmark-marker]').count()).toBe(0);
    // The whole case is no target: no toggle on its pinned row.
    expect(await page.locator('[data-testid=hosts-table] .ag-row-pinned [data-testid=bookmark-toggle]').count()).toBe(0);
    await expect.poll(() => page.locator('[data-testid=hosts-table] .ag-row:not(.ag-row-pinned)').count()).toBe(4);
    const before = auditTrail().length;

    await hostRow('bob-desktop').locator('[data-testid=bookmark-toggle]').click();
    await page.waitForSelector('[data-testid=bookmark-menu]');
    expect(await page.locator('[data-testid=bookmark-menu] [role=menuitem]').allTextContents()).toEqual(['Interesting', 'Suspicious', 'Malicious', 'Evidence']);
    await page.screenshot({ path: screenshotPath('bookmark-hosts-1-menu') });
    await page.click('[data-testid=bookmark-set-suspicious]');
    await expect.poll(() => hostRow('bob-desktop').locator('[data-testid=bookmark-marker]').textContent()).toBe('Suspicious');
    expect(await page.locator('[data-testid=bookmark-menu]').count()).toBe(0);
    expect(await page.locator('[data-testid=hosts-table] [data-testid=bookmark-marker]').count()).toBe(1);
    expect(cliBookmarks()).toEqual([{ kind: 'host', key: '192.168.1.20', tag: 'suspicious', author: currentUser(), label: '192.168.1.20 (bob-desktop)' }]);
    const audit = auditTrail();
    expect(audit).toHaveLength(before + 1);
    expect(audit.at(-1)).toMatchObject({ action: 'bookmark.set', params: { kind: 'host', key: '192.168.1.20', tag: 'suspicious', previous: null } });

    // The host page shows the same tag.
    await hostRow('bob-desktop').locator('[col-id=name]').click();
    await expect.poll(() => page.textContent('[data-testid=host-title]')).toBe('bob-desktop');
    expect(await page.textContent('[data-testid=host-bookmark] [data-testid=bookmark-marker]')).toBe('Suspicious');
    await page.screenshot({ path: screenshotPath('bookmark-hosts-2-marked') });
    expect(pageErrors).toEqual([]);
  });

  it('bookmarks a host with two addresses from its page on both, changes and removes tags, and filters to the bookmarked hosts', async () => {
    await hostRow('alice-laptop').locator('[col-id=name]').click();
    await expect.poll(() => page.textContent('[data-testid=host-title]')).toBe('alice-laptop');
    await page.click('[data-testid=host-bookmark] [data-testid=bookmark-toggle]');
    await page.click('[data-testid=bookmark-set-interesting]');
    await expect.poll(() => hostRow('alice-laptop').locator('[data-testid=bookmark-marker]').textContent()).toBe('Interesting');
    expect(await page.textContent('[data-testid=host-bookmark] [data-testid=bookmark-marker]')).toBe('Interesting');
    // Both addresses are set one after the other; the row shows the tag after the first.
    await expect.poll(() => cliBookmarks().map((b) => [b.kind, b.key, b.tag])).toEqual([
      ['host', '192.168.1.10', 'interesting'],
      ['host', '192.168.1.20', 'suspicious'],
      ['host', '192.168.1.23', 'interesting'],
    ]);

    // A note on the host from its page goes on its first address and says so.
    expect(await page.textContent('[data-testid=host-notes]')).toContain('No notes on this host yet.');
    await page.fill('[data-testid=host-note-input]', 'Alice roams between two leases');
    await page.click('[data-testid=host-note-add]');
    await expect.poll(() => page.locator('[data-testid=host-notes] [data-testid=flow-note] .flow-note-text').allTextContents()).toEqual(['Alice roams between two leases']);
    expect(await page.textContent('[data-testid=host-notes] .flow-note-by')).toMatch(/^on 192\.168\.1\.10 · /);
    expect(jsonl<{ kind: string; key: string; text: string }>(runCli(['notes', '--case', casePath, '--format', 'jsonl']).stdout).map((n) => [n.kind, n.key, n.text])).toEqual([
      ['host', '192.168.1.10', 'Alice roams between two leases'],
    ]);
    expect(auditTrail().at(-1)).toMatchObject({ action: 'note.add', params: { kind: 'host', key: '192.168.1.10', text: 'Alice roams between two leases' } });
    await page.screenshot({ path: screenshotPath('bookmark-hosts-3-note') });

    // Bookmarked only: the two bookmarked hosts, not the router nor the scanner.
    await page.check('[data-testid=hosts-bookmarked-only]');
    await expect.poll(async () => (await hostNames()).sort()).toEqual(['192.168.1.10, 192.168.1.23', '192.168.1.20']);
    await page.screenshot({ path: screenshotPath('bookmark-hosts-4-bookmarked-only') });

    // A new tag replaces the old one.
    await hostRow('bob-desktop').locator('[data-testid=bookmark-marker]').click();
    await page.click('[data-testid=bookmark-set-malicious]');
    await expect.poll(() => hostRow('bob-desktop').locator('[data-testid=bookmark-marker]').textContent()).toBe('Malicious');
    expect(auditTrail().at(-1)).toMatchObject({ action: 'bookmark.set', params: { kind: 'host', key: '192.168.1.20', tag: 'malicious', previous: 'suspicious' } });

    // Remove takes down both of alice's; with Bookmarked only on, her row goes.
    await hostRow('alice-laptop').locator('[data-testid=bookmark-marker]').click();
    await page.click('[data-testid=bookmark-remove]');
    await expect.poll(hostNames).toEqual(['192.168.1.20']);
    expect(cliBookmarks()).toEqual([{ kind: 'host', key: '192.168.1.20', tag: 'malicious', author: currentUser(), label: '192.168.1.20 (bob-desktop)' }]);
    expect(
      auditTrail()
        .slice(-2)
        .map((a) => [a.action, a.params.key])
        .sort(),
    ).toEqual([
      ['bookmark.remove', '192.168.1.10'],
      ['bookmark.remove', '192.168.1.23'],
    ]);
    await page.uncheck('[data-testid=hosts-bookmarked-only]');
    await expect.poll(() => page.locator('[data-testid=hosts-table] .ag-row:not(.ag-row-pinned)').count()).toBe(4);

    // The flows of the bookmarked hosts: host.bookmark sees the tag.
    await page.fill('[data-testid=filter-input]', 'host.bookmark == "malicious"');
    await page.press('[data-testid=filter-input]', 'Enter');
    const expected = jsonl(runCli(['flows', '--case', casePath, '--filter', 'ip.addr == 192.168.1.20']).stdout).length;
    expect(expected).toBe(9);
    await page.click('[data-testid=view-flows]');
    await expect.poll(() => page.textContent('[data-testid=flow-count]')).toBe(`${expected} flows`);
    expect(pageErrors).toEqual([]);
  });

  it('bookmarks a finding from its row without opening its evidence; the CLI lists exactly that finding', async () => {
    const scan = findings.find((f) => f.kind === 'vertical_scan')!;
    const storm = findings.find((f) => f.kind === 'rst_storm')!;
    await page.fill('[data-testid=filter-input]', '');
    await page.press('[data-testid=filter-input]', 'Enter');
    await page.click('[data-testid=view-findings]');
    await expect.poll(() => page.locator('[data-testid=findings-grid] .ag-row').count()).toBe(2);
    await findingRow(scan.id).locator('[data-testid=bookmark-toggle]').click();
    await page.click('[data-testid=bookmark-set-evidence]');
    await expect.poll(() => findingRow(scan.id).locator('[data-testid=bookmark-marker]').textContent()).toBe('Evidence');
    // Still on the findings: the toggle's click did not open the evidence flows.
    expect(await page.locator('[data-testid=findings]').count()).toBe(1);
    expect(await page.inputValue('[data-testid=filter-input]')).toBe('');
    expect(await findingRow(storm.id).locator('[data-testid=bookmark-marker]').count()).toBe(0);

    expect(cliBookmarks('--kind', 'finding')).toEqual([
      { kind: 'finding', key: String(scan.id), tag: 'evidence', author: currentUser(), label: `#${scan.id} vertical_scan 133.242.0.3 → 192.168.1.20` },
    ]);
    expect(auditTrail().at(-1)).toMatchObject({ action: 'bookmark.set', params: { kind: 'finding', key: String(scan.id), tag: 'evidence' } });

    await page.check('[data-testid=findings-bookmarked-only]');
    await expect.poll(() => page.locator('[data-testid=findings-grid] .ag-row').count()).toBe(1);
    expect(await page.locator(`[data-testid=findings-grid] .ag-row[row-id="${scan.id}"]`).count()).toBe(1);
    await page.screenshot({ path: screenshotPath('bookmark-findings-1-bookmarked-only') });
    await page.uncheck('[data-testid=findings-bookmarked-only]');
    await expect.poll(() => page.locator('[data-testid=findings-grid] .ag-row').count()).toBe(2);

    // A note on a finding from its row's ✎, without opening its evidence either.
    await findingRow(storm.id).locator('[data-testid=notes-button]').click();
    await page.waitForSelector('[data-testid=notes-popover]');
    expect(await page.textContent('[data-testid=notes-popover]')).toContain('No notes on this finding yet.');
    await page.fill('[data-testid=finding-note-input]', 'the scan’s probes, reset by bob');
    await page.click('[data-testid=finding-note-add]');
    await expect.poll(() => page.locator('[data-testid=notes-popover] [data-testid=flow-note] .flow-note-text').allTextContents()).toEqual(['the scan’s probes, reset by bob']);
    await expect.poll(() => findingRow(storm.id).locator('[data-testid=notes-button]').textContent()).toBe('✎ 1');
    await page.screenshot({ path: screenshotPath('bookmark-findings-2-note') });
    expect(await page.locator('[data-testid=findings]').count()).toBe(1);
    expect(jsonl<{ kind: string; key: string; text: string }>(runCli(['notes', '--case', casePath, '--format', 'jsonl']).stdout).map((n) => [n.kind, n.key, n.text])).toEqual([
      ['host', '192.168.1.10', 'Alice roams between two leases'],
      ['finding', String(storm.id), 'the scan’s probes, reset by bob'],
    ]);
    await page.keyboard.press('Escape');
    expect(await page.locator('[data-testid=notes-popover]').count()).toBe(0);

    // A click elsewhere on the row still opens its evidence.
    await page.locator(`[data-testid=findings-grid] .ag-row[row-id="${storm.id}"] [col-id=explanation]`).click();
    await expect.poll(() => page.locator('[data-testid=flow-table]').count()).toBe(1);
    await expect.poll(() => page.textContent('[data-testid=flow-count]')).toBe('5 flows');
    expect(pageErrors).toEqual([]);
  });

  it("edits and removes a finding's note in the Case view's bookmark list", async () => {
    const scan = findings.find((f) => f.kind === 'vertical_scan')!;
    expect(runCli(['notes', '--case', casePath, '--add', `finding:${scan.id}`, '--text', 'five ports in half a second']).code).toBe(0);
    expect(runCli(['notes', '--case', casePath, '--add', `finding:${scan.id}`, '--text', 'to be dropped']).code).toBe(0);
    await page.click('[data-testid=view-case]');
    const row = page.locator('[data-testid=bookmark-row]', { hasText: `#${scan.id} vertical_scan` });
    await expect.poll(() => row.locator('[data-testid=flow-note] .flow-note-text').allTextContents()).toEqual(['five ports in half a second', 'to be dropped']);
    expect(await page.locator('[data-testid=bookmark-row]').count()).toBe(2);

    await row.locator('[data-testid=flow-note]', { hasText: 'five ports' }).locator('[data-testid=note-edit]').click();
    await row.locator('[data-testid=note-edit-input]').fill('five ports in half a second, all reset');
    await row.locator('[data-testid=note-save]').click();
    await expect.poll(() => row.locator('[data-testid=flow-note] .flow-note-text').allTextContents()).toEqual(['five ports in half a second, all reset', 'to be dropped']);
    await row.locator('[data-testid=flow-note]', { hasText: 'to be dropped' }).locator('[data-testid=note-remove]').click();
    await page.screenshot({ path: screenshotPath('bookmark-case-1-note-confirm') });
    await row.locator('[data-testid=note-remove-yes]').click();
    await expect.poll(() => row.locator('[data-testid=flow-note] .flow-note-text').allTextContents()).toEqual(['five ports in half a second, all reset']);

    const notes = jsonl<{ kind: string; key: string; text: string }>(runCli(['notes', '--case', casePath, '--format', 'jsonl']).stdout);
    const storm = findings.find((f) => f.kind === 'rst_storm')!;
    expect(notes.map((n) => [n.kind, n.key, n.text])).toEqual([
      ['host', '192.168.1.10', 'Alice roams between two leases'],
      ['finding', String(storm.id), 'the scan’s probes, reset by bob'],
      ['finding', String(scan.id), 'five ports in half a second, all reset'],
    ]);
    expect(auditTrail().slice(-2).map((a) => a.action)).toEqual(['note.update', 'note.remove']);
    expect(runCli(['audit', '--case', casePath, '--verify']).code).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it('read-only: the tags show, the toggles and note actions do not', async () => {
    await serve.stop();
    await openApp(true);
    await page.click('[data-testid=view-hosts]');
    await expect.poll(() => hostRow('bob-desktop').locator('[data-testid=bookmark-marker]').textContent()).toBe('Malicious');
    expect(await page.locator('[data-testid=hosts-table] button.bookmark-toggle').count()).toBe(0);
    await hostRow('bob-desktop').locator('[col-id=name]').click();
    await expect.poll(() => page.textContent('[data-testid=host-title]')).toBe('bob-desktop');
    expect(await page.textContent('[data-testid=host-bookmark]')).toBe('Malicious');
    expect(await page.locator('[data-testid=host-bookmark] button').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('bookmark-hosts-5-read-only') });
    await hostRow('alice-laptop').locator('[col-id=name]').click();
    await expect.poll(() => page.locator('[data-testid=host-notes] [data-testid=flow-note] .flow-note-text').allTextContents()).toEqual(['Alice roams between two leases']);
    expect(await page.locator('[data-testid=host-note-input]').count()).toBe(0);
    expect(await page.locator('[data-testid=host-notes] [data-testid=note-edit]').count()).toBe(0);

    await page.click('[data-testid=view-findings]');
    const scan = findings.find((f) => f.kind === 'vertical_scan')!;
    await expect.poll(() => findingRow(scan.id).locator('[data-testid=bookmark-marker]').textContent()).toBe('Evidence');
    expect(await page.locator('[data-testid=findings-grid] button.bookmark-toggle').count()).toBe(0);
    const storm = findings.find((f) => f.kind === 'rst_storm')!;
    await findingRow(storm.id).locator('[data-testid=notes-button]').click();
    await expect.poll(() => page.locator('[data-testid=notes-popover] [data-testid=flow-note] .flow-note-text').allTextContents()).toEqual(['the scan’s probes, reset by bob']);
    expect(await page.locator('[data-testid=finding-note-input]').count()).toBe(0);
    expect(await page.locator('[data-testid=notes-popover] [data-testid=note-edit]').count()).toBe(0);
    await page.keyboard.press('Escape');

    await page.click('[data-testid=view-case]');
    await expect.poll(() => page.locator('[data-testid=flow-note] .flow-note-text').allTextContents()).toEqual(['five ports in half a second, all reset']);
    expect(await page.locator('[data-testid=note-edit]').count()).toBe(0);
    expect(await page.locator('[data-testid=note-remove]').count()).toBe(0);
    expect(cliBookmarks().map((b) => [b.kind, b.key, b.tag])).toEqual([
      ['finding', String(scan.id), 'evidence'],
      ['host', '192.168.1.20', 'malicious'],
    ]);
    expect(pageErrors).toEqual([]);
  });
});
