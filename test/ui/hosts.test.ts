import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { writeBehaviourScenario, type BehaviourTruth } from '../generators/behaviour-scenario';
import { jsonl, runCli } from '../support/cli';
import { launchChromium, screenshotPath } from '../support/browser';
import { startServeProcess } from '../support/serve-process';
import { repoRoot } from '../support/corpus';
import { tempDir } from '../support/tmp';
import { join } from 'node:path';

const fixture = (name: string) => join(repoRoot, 'test', 'fixtures', 'flow-logs', name);

interface HostRec {
  key: string;
  name: string | null;
  flows: number;
  countries: Record<string, number>;
}
interface SessionRec {
  client: string;
  keystrokes: number;
  typing_cpm: number | null;
}

describe('serve-mode UI: Hosts table and host page (profiles of a generated office)', () => {
  const tmp = tempDir();
  const casePath = tmp.path('office.flowsight');
  let truth: BehaviourTruth;
  let hosts: HostRec[];
  let sessions: SessionRec[];
  let browser: Browser;
  let page: Page;
  let serve: Awaited<ReturnType<typeof startServeProcess>>;
  const pageErrors: string[] = [];
  const outside: string[] = [];

  const selectHost = async (name: string) => {
    await page.click(`[data-testid=hosts-table] .ag-row:not(.ag-row-pinned):has-text("${name}")`);
    await expect.poll(() => page.textContent('[data-testid=host-title]')).toBe(name);
  };

  beforeAll(async () => {
    truth = writeBehaviourScenario(tmp.path('office.pcap'));
    expect(runCli(['ingest', '--quiet', '--case', casePath, tmp.path('office.pcap')]).code).toBe(0);
    serve = await startServeProcess(['--case', casePath], { FLOWSIGHT_DATA: tmp.path('data') });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    // Maps must draw offline: nothing may be fetched from anywhere but the app.
    page.on('request', (r) => {
      if (!r.url().startsWith(serve.url.replace(/\/[^/]*$/, '')) && !r.url().startsWith('data:')) outside.push(r.url());
    });
    await page.addInitScript(() => {
      const w = window as unknown as { cspViolations: string[] };
      w.cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto(serve.url);
    await page.waitForSelector('.ag-row[row-index="0"]');
  });
  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
    tmp.cleanup();
  });

  it('computes the profiles from the view (a job) and lists every host with the whole case pinned on top', async () => {
    await page.click('[data-testid=view-hosts]');
    await expect.poll(() => page.textContent('[data-testid=hosts-status]')).toBe('Profiles not computed yet');
    await page.click('[data-testid=hosts-compute]');
    await expect.poll(() => page.textContent('[data-testid=hosts-status]'), { timeout: 30_000 }).toMatch(/^4 hosts · computed /);
    // The CLI reads the same stored profiles.
    hosts = jsonl<HostRec>(runCli(['hosts', '--quiet', '--case', casePath]).stdout);
    sessions = jsonl<SessionRec>(runCli(['interactive-sessions', '--quiet', '--case', casePath]).stdout);
    expect(hosts.map((h) => h.name)).toEqual(['alice-laptop', 'bob-desktop', null, null]);
    const names = await page.locator('[data-testid=hosts-table] .ag-row:not(.ag-row-pinned) [col-id=address]').allTextContents();
    expect(names.sort()).toEqual(['133.242.0.3', '192.168.1.1', '192.168.1.10, 192.168.1.23', '192.168.1.20']);
    expect(await page.textContent('[data-testid=hosts-table] .ag-row-pinned [col-id=name]')).toBe('Whole case');
    expect(await page.textContent('[data-testid=hosts-table] .ag-row-pinned [col-id=flows]')).toBe(String(truth.flows.length));
    await expect.poll(() => page.textContent('[data-testid=host-title]')).toBe('Whole case');
    await page.waitForSelector('[data-testid=plot-countries] .choroplethlocation');
    await page.screenshot({ path: screenshotPath('hosts-1-case') });
  });

  it("shows a host's page: numbers, plots, an offline country map with DB-IP's attribution, and its typing speed", async () => {
    await selectHost('alice-laptop');
    const alice = hosts.find((h) => h.name === 'alice-laptop')!;
    await expect.poll(() => page.locator('[data-testid=plot-countries] .choroplethlocation').count()).toBe(Object.keys(alice.countries).length);
    expect(await page.textContent('[data-testid=geo-attribution]')).toContain('IP Geolocation by DB-IP');
    expect(await page.textContent('[data-testid=host-numbers]')).toContain(`Flows${alice.flows}`);
    // The heatmap has one cell per weekday and hour; the bars plot sizes, gaps and categories.
    expect(await page.locator('[data-testid=plot-heatmap] .hm image').count()).toBe(1);
    expect(await page.locator('[data-testid=plot-sizes] .bars .point').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=plot-categories] .bars .point').count()).toBe(5);
    const ssh = sessions.find((s) => s.client === '192.168.1.10')!;
    const row = await page.locator('[data-testid=host-sessions] tbody tr').first().locator('td').allTextContents();
    expect([row[1], row[4], row[5]]).toEqual(['202.12.27.33:22', String(ssh.keystrokes), ssh.typing_cpm!.toFixed(0)]);
    expect(ssh.keystrokes).toBe(truth.typing.alice.keystrokes);
    await page.screenshot({ path: screenshotPath('hosts-2-alice'), fullPage: false });
    await page.locator('[data-testid=host-sessions]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('hosts-3-alice-sessions') });
  });

  it("'Show its flows' filters the flow table to the host's addresses", async () => {
    await selectHost('bob-desktop');
    await page.click('[data-testid=host-show-flows]');
    const expected = jsonl(runCli(['flows', '--case', casePath, '--filter', 'ip.addr == 192.168.1.20']).stdout).length;
    await expect.poll(() => page.textContent('[data-testid=flow-count]')).toBe(`${expected} flows`);
    expect(await page.inputValue('[data-testid=filter-input]')).toBe('ip.addr == 192.168.1.20');
    // An activity session of alice's opens its flows: her addresses within the session's time range.
    await page.click('[data-testid=view-hosts]');
    await selectHost('alice-laptop');
    await page.click('[data-testid=host-activity-sessions] tbody tr >> nth=0');
    const filter = await page.inputValue('[data-testid=filter-input]');
    expect(filter).toMatch(/^\(ip\.addr == 192\.168\.1\.10 \|\| ip\.addr == 192\.168\.1\.23\) && first_ts >= [\d.]+ && first_ts <= [\d.]+$/);
    const morning = jsonl(runCli(['flows', '--case', casePath, '--filter', filter]).stdout).length;
    // The morning's DNS lookups, HTTPS to Google and Gmail, and SSH; the DHCP discover has no address of hers.
    expect(morning).toBe(5);
    await expect.poll(() => page.textContent('[data-testid=flow-count]')).toBe('5 flows');
  });

  it('imports a flow log through the mapping dialog: columns guessed from the header, changed by hand, bad rows listed by line; the profiles turn stale', async () => {
    const file = fixture('generic.csv');
    await page.click('[data-testid=action-flowlog]');
    await page.fill('[data-testid=path-input]', file);
    await page.click('[data-testid=path-submit]');
    await page.waitForSelector('[data-testid=flowlog-mapping]');
    expect(await page.inputValue('[data-testid=flowlog-preset]')).toBe('generic');
    const guessed = Object.fromEntries(await Promise.all(['src_ip', 'dst_ip', 'src_port', 'dst_port', 'proto', 'start', 'duration', 'bytes', 'packets', 'state', 'label'].map(async (f) => [f, await page.inputValue(`[data-testid=map-${f}]`)])));
    expect(guessed).toEqual({ src_ip: 'SrcAddr', dst_ip: 'DstAddr', src_port: 'Sport', dst_port: 'Dport', proto: 'Proto', start: 'StartTime', duration: 'Dur', bytes: 'TotBytes', packets: 'TotPkts', state: 'State', label: 'Label' });
    // Leave the state out: the flows then have none.
    await page.selectOption('[data-testid=map-state]', '');
    await page.screenshot({ path: screenshotPath('hosts-4-flowlog-mapping') });
    await page.click('[data-testid=flowlog-import]');
    await expect.poll(() => page.textContent('[data-testid=flowlog-outcome]'), { timeout: 30_000 }).toMatch(/^Imported 3 flows · 5 bad rows · 3 labelled/);
    expect(await page.locator('[data-testid=flowlog-problems] li').allTextContents()).toEqual([
      'line 4: DstAddr "not-an-ip" is not an IP address',
      'line 5: TotBytes "abc" is not a number',
      'line 6: 4 fields where the header has 11',
      'line 7: TotBytes "9,000" is not a number',
      'line 9: Proto "weird" is not a protocol name or number',
    ]);
    await page.screenshot({ path: screenshotPath('hosts-5-flowlog-outcome') });
    await page.click('[data-testid=flowlog-close]');
    await page.fill('[data-testid=filter-input]', '');
    await page.press('[data-testid=filter-input]', 'Enter');
    await expect.poll(() => page.textContent('[data-testid=flow-count]')).toBe(`${truth.flows.length + 3} flows`);
    const imported = jsonl<{ src_ip: string; conn_state: string | null; label: string | null }>(runCli(['flows', '--case', casePath, '--filter', 'ip.addr == 10.0.0.0/8']).stdout);
    expect(imported.map((f) => [f.src_ip, f.conn_state, f.label])).toEqual([
      ['10.0.0.5', null, 'normal'],
      ['10.0.0.5', null, 'normal'],
      ['10.0.0.7', null, 'botnet, C&C'],
    ]);
    await page.click('[data-testid=view-hosts]');
    await page.waitForSelector('[data-testid=hosts-stale]');
  });

  it('changes the profile settings (a bad block is refused with the reason), and a recompute applies them', async () => {
    await page.click('[data-testid=hosts-settings]');
    await page.fill('[data-testid=settings-networks]', '192.168.0.0/16\n10.0.0.0/33');
    await page.click('[data-testid=settings-save]');
    await expect.poll(() => page.textContent('[data-testid=settings-error]')).toContain('10.0.0.0/33');
    await page.fill('[data-testid=settings-networks]', '192.168.0.0/16\n10.0.0.0/8');
    await page.fill('[data-testid=settings-gap]', '4');
    await page.fill('[data-testid=settings-zone]', 'Asia/Tokyo');
    await page.click('[data-testid=settings-save]');
    await expect.poll(() => page.textContent('.hosts-settings')).toBe('Local networks 192.168.0.0/16, 10.0.0.0/8 · sessions end after 4 min idle · heatmap in Asia/Tokyo');
    await page.click('[data-testid=hosts-compute]');
    await expect.poll(() => page.locator('[data-testid=hosts-stale]').count(), { timeout: 30_000 }).toBe(0);
    await selectHost('alice-laptop');
    await expect.poll(() => page.textContent('[data-testid=plot-heatmap] .gtitle')).toBe('When (flows started, Asia/Tokyo)');
    // bob at a 4-minute gap: DHCP, DNS and the news (21:59–22:00), NTP at 22:05, Telnet at 22:10, the scan at 22:30.
    const after = jsonl<HostRec & { sessions: number }>(runCli(['hosts', '--quiet', '--case', casePath]).stdout);
    expect(after.find((h) => h.name === 'bob-desktop')!.sessions).toBe(4);
    await page.screenshot({ path: screenshotPath('hosts-6-settings') });
  });

  it('made no request outside the app, broke no CSP rule and threw nothing', async () => {
    expect(outside.join('\n')).toBe('');
    expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
    expect(pageErrors.join('\n')).toBe('');
  });
});
