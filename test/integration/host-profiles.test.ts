import { readFileSync } from 'node:fs';
import { Reader, type Response } from 'maxmind';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbipDatabasePath } from '../../electron/analysis/geo/dbip-country';
import { hostProfile } from '../../electron/analysis/hosts/profile-store';
import { openCaseDb } from '../../electron/cases/case-db';
import type { HostProfile } from '../../shared/domain/hosts';
import { writeBehaviourScenario, type BehaviourTruth } from '../generators/behaviour-scenario';
import type { FlowTruth } from '../generators/scenario-recorder';
import { jsonl, runCli } from '../support/cli';
import { tempDir } from '../support/tmp';

type HostName = 'alice' | 'bob' | 'router' | 'scanner';
type Rec = Record<string, unknown> & { key: string };

// The expected numbers are computed here from the generator's record of every
// packet it wrote, independently of the profile code: membership by
// construction (who the generator made each end), not by address.
const inside = (ip: string) => ip.startsWith('192.168.') || ip === '0.0.0.0' || ip === '255.255.255.255';
const direction = (f: FlowTruth) => {
  const s = inside(f.clientIp);
  const d = inside(f.serverIp);
  return s && d ? 'internal' : s ? 'outbound' : d ? 'inbound' : 'external';
};
const mean = (xs: number[]) => xs.reduce((a, x) => a + x, 0) / xs.length;
const variance = (xs: number[]) => {
  const m = mean(xs);
  return mean(xs.map((x) => (x - m) ** 2));
};
const entropy = (xs: readonly (number | string)[]) => {
  const counts = new Map<number | string, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  return Math.max(0, -[...counts.values()].reduce((h, c) => h + (c / xs.length) * Math.log2(c / xs.length), 0));
};
/** Sessions by the definition: the union of flow intervals, cut at idle gaps longer than `gap`. */
const sessions = (flows: FlowTruth[], gap: number) => {
  const out: { start: number; end: number; flows: number }[] = [];
  for (const f of [...flows].sort((a, b) => a.first - b.first)) {
    const cur = out.at(-1);
    if (cur && f.first - cur.end <= gap) {
      cur.end = Math.max(cur.end, f.last);
      cur.flows++;
    } else out.push({ start: f.first, end: f.last, flows: 1 });
  }
  return out;
};

describe('host behaviour profiles of a generated office (flowsight hosts, interactive-sessions)', () => {
  const tmp = tempDir();
  const casePath = tmp.path('office.flowsight');
  let truth: BehaviourTruth;
  let hosts: Rec[];
  const ofHost = (h: HostName) => truth.flows.filter((f) => f.clientHost === h || f.serverHost === h);
  const keyOf = (h: HostName) => (truth.hosts[h].mac ? `mac:${truth.hosts[h].mac}` : `ip:${truth.hosts[h].ips[0]}`);
  const record = (h: HostName | 'case') => hosts.find((r) => r.key === (h === 'case' ? 'case' : keyOf(h)))!;
  const profileOf = (h: HostName): HostProfile => {
    const db = openCaseDb(casePath, { readOnly: true });
    try {
      return hostProfile(db, record(h).id as number)!;
    } finally {
      db.close();
    }
  };

  beforeAll(() => {
    truth = writeBehaviourScenario(tmp.path('office.pcap'));
    const r = runCli(['ingest', '--quiet', '--case', casePath, tmp.path('office.pcap')]);
    expect(r.code, r.stderr).toBe(0);
    const h = runCli(['hosts', '--quiet', '--with-case', '--case', casePath]);
    expect(h.code, h.stderr).toBe(0);
    hosts = jsonl<Rec>(h.stdout);
  });
  afterAll(() => tmp.cleanup());

  it('identifies each device: MAC hosts with every local IP they held and their DHCP names, the outside scanner by IP', () => {
    expect(hosts.map((r) => r.key)).toEqual(['case', ...(['alice', 'bob', 'router', 'scanner'] as const).map(keyOf)]);
    for (const h of ['alice', 'bob', 'router', 'scanner'] as const) {
      const r = record(h);
      expect([r.kind, r.mac, r.ips, r.name, r.local], h).toEqual([truth.hosts[h].mac ? 'mac' : 'ip', truth.hosts[h].mac, truth.hosts[h].ips, truth.hosts[h].dhcpName, h !== 'scanner']);
    }
  });

  it("counts each host's flows, packets and bytes sent and received, and the whole case's, exactly", () => {
    const sum = (fs: FlowTruth[], k: 'fwdPackets' | 'bwdPackets' | 'fwdBytes' | 'bwdBytes') => fs.reduce((a, f) => a + f[k], 0);
    for (const h of ['alice', 'bob', 'router', 'scanner'] as const) {
      const fs = ofHost(h);
      const mine = (f: FlowTruth) => f.clientHost === h;
      const sent = (k: 'Packets' | 'Bytes') => fs.reduce((a, f) => a + (mine(f) ? f[`fwd${k}`] : f[`bwd${k}`]), 0);
      const received = (k: 'Packets' | 'Bytes') => fs.reduce((a, f) => a + (mine(f) ? f[`bwd${k}`] : f[`fwd${k}`]), 0);
      const r = record(h);
      expect([r.flows, r.packets_sent, r.packets_received, r.bytes_sent, r.bytes_received], h).toEqual([fs.length, sent('Packets'), received('Packets'), sent('Bytes'), received('Bytes')]);
      expect(r.first_ts as number).toBeCloseTo(Math.min(...fs.map((f) => f.first)), 5);
      expect(r.last_ts as number).toBeCloseTo(Math.max(...fs.map((f) => f.last)), 5);
    }
    const c = record('case');
    const all = truth.flows;
    expect([c.flows, c.packets, c.packets_sent, c.packets_received, c.bytes_sent, c.bytes_received]).toEqual([
      all.length,
      truth.packets,
      sum(all, 'fwdPackets'),
      sum(all, 'bwdPackets'),
      sum(all, 'fwdBytes'),
      sum(all, 'bwdBytes'),
    ]);
  });

  it('splits flows into inbound, outbound, internal relative to the local networks (DHCP broadcasts stay inside)', () => {
    for (const h of ['case', 'alice', 'bob', 'router', 'scanner'] as const) {
      const fs = h === 'case' ? truth.flows : ofHost(h);
      const expected = { outbound: 0, inbound: 0, internal: 0, external: 0 };
      for (const f of fs) expected[direction(f)]++;
      const r = record(h);
      expect({ outbound: r.outbound, inbound: r.inbound, internal: r.internal, external: r.external }, h).toEqual(expected);
    }
    // By construction: alice reaches out three times over HTTPS and once over SSH; the scanner's five probes come in to bob.
    expect([record('alice').outbound, record('bob').inbound]).toEqual([4, 5]);
  });

  it('measures packet sizes, inter-arrival times, their entropies and the destination-port entropy from every packet', () => {
    for (const h of ['case', 'alice', 'bob', 'router', 'scanner'] as const) {
      const fs = h === 'case' ? truth.flows : ofHost(h);
      const packets = fs.flatMap((f) => f.packets);
      const sizes = packets.map((p) => p.len);
      const times = packets.map((p) => p.ts).sort((a, b) => a - b);
      const iats = times.slice(1).map((t, i) => t - times[i]);
      const started = h === 'case' ? fs : fs.filter((f) => f.clientHost === h);
      const r = record(h);
      expect(r.packets_measured, h).toBe(packets.length);
      expect(r.size_mean as number).toBeCloseTo(mean(sizes), 9);
      expect(r.size_variance as number).toBeCloseTo(variance(sizes), 6);
      expect(r.size_entropy as number).toBeCloseTo(entropy(sizes), 9);
      // Packet times pass through the pcap's microseconds: equal to about a microsecond.
      expect(r.iat_mean as number).toBeCloseTo(mean(iats), 5);
      expect(r.dst_port_entropy as number).toBeCloseTo(entropy(started.map((f) => f.serverPort)), 9);
      expect([r.unique_src_ips, r.unique_dst_ips, r.unique_dst_ports], h).toEqual([new Set(fs.map((f) => f.clientIp)).size, new Set(fs.map((f) => f.serverIp)).size, new Set(fs.map((f) => f.serverPort)).size]);
    }
    // Five probes of four packets: SYN, SYN-ACK, ACK, RST.
    expect(record('scanner').packets_measured).toBe(20);
  });

  it('splits activity into sessions at 30-minute idle gaps', () => {
    for (const h of ['alice', 'bob', 'router', 'scanner'] as const) {
      const expected = sessions(ofHost(h), 1800);
      const p = profileOf(h);
      expect(p.sessions.count, h).toBe(expected.length);
      expect(p.sessions.list.map((s) => s.flows)).toEqual(expected.map((s) => s.flows));
      p.sessions.list.forEach((s, i) => {
        expect(s.start).toBeCloseTo(expected[i].start, 5);
        expect(s.end).toBeCloseTo(expected[i].end, 5);
      });
    }
    // alice: the morning (DHCP at 08:59:50 to the end of SSH) and the afternoon, hours apart.
    expect(record('alice').sessions).toBe(2);
  });

  it('names the services and their categories, and places activity on the weekday × hour heatmap', () => {
    expect(record('alice').categories).toEqual({ search: 1, email: 1, video: 1, 'remote-access': 1, infrastructure: 5 });
    expect(record('alice').apps).toEqual(expect.arrayContaining(['Google', 'Gmail', 'YouTube', 'SSH', 'DHCP', 'DNS']));
    expect(record('bob').categories).toMatchObject({ news: 1 });
    for (const h of ['alice', 'bob'] as const) {
      const expected = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
      for (const f of ofHost(h)) {
        const d = new Date(f.first * 1000);
        expected[(d.getUTCDay() + 6) % 7][d.getUTCHours()]++;
      }
      expect(profileOf(h).heatmap.flows, h).toEqual(expected);
    }
    // All of it on Wednesday 12 March 2025: alice at 08, 09, 13 and 14 h, bob from 21 h on.
    expect(profileOf('alice').heatmap.flows[2].flatMap((n, hour) => (n ? [hour] : []))).toEqual([8, 9, 13, 14]);
  });

  it("locates remote endpoints with DB-IP's database, offline", () => {
    const path = dbipDatabasePath();
    expect(path).not.toBeNull();
    const reader = new Reader<Response>(readFileSync(path!));
    const country = (ip: string) => (reader.get(ip) as { country_code?: string } | null)?.country_code ?? null;
    for (const h of ['alice', 'bob'] as const) {
      const expected: Record<string, number> = {};
      for (const f of ofHost(h)) {
        const peer = f.clientHost === h ? f.serverIp : f.clientIp;
        const c = inside(peer) ? null : country(peer);
        if (c) expected[c] = (expected[c] ?? 0) + 1;
      }
      expect(record(h).countries, h).toEqual(expected);
    }
    // The scanner's network is in Japan (133.0.0.0/8 is allocated to APNIC for JP).
    expect(record('bob').countries).toMatchObject({ JP: 5 });
    // Every remote peer of alice's is located; her DHCP broadcasts are no one's location.
    expect(profileOf('alice').unlocated).toBe(0);
  });

  it('estimates typing speed of the SSH and Telnet sessions within 10% of the typist, with the keystroke count', () => {
    const s = runCli(['sessions', '--interactive', '--quiet', '--case', casePath, '--format', 'jsonl']);
    expect(s.code, s.stderr).toBe(0);
    expect(runCli(['interactive-sessions', '--quiet', '--case', casePath]).stdout).toBe(s.stdout);
    const list = jsonl<{ protocol: string; client: string; server: string; server_port: number; keystrokes: number; typing_cpm: number | null; note: string | null }>(s.stdout);
    expect(list.map((x) => [x.protocol, x.client, x.server, x.server_port])).toEqual([
      ['ssh', '192.168.1.10', '202.12.27.33', 22],
      ['telnet', '192.168.1.20', '192.168.1.1', 23],
      ['ssh', '133.242.0.3', '192.168.1.20', 22],
    ]);
    const [ssh, telnet, probe] = list;
    // Exactly the echoed keystrokes: the login exchange, the unechoed Telnet password and SSH window adjustments are left out.
    expect(ssh.keystrokes).toBe(truth.typing.alice.keystrokes);
    expect(telnet.keystrokes).toBe(truth.typing.bob.keystrokes);
    expect(Math.abs(ssh.typing_cpm! / truth.typing.alice.cpm - 1)).toBeLessThan(0.1);
    expect(Math.abs(telnet.typing_cpm! / truth.typing.bob.cpm - 1)).toBeLessThan(0.1);
    // The typists were asked for 260 and 180 cpm; the log-normal gaps land near it.
    expect(Math.abs(truth.typing.alice.cpm / 260 - 1)).toBeLessThan(0.15);
    expect(Math.abs(truth.typing.bob.cpm / 180 - 1)).toBeLessThan(0.15);
    expect([probe.keystrokes, probe.typing_cpm, probe.note]).toEqual([0, null, 'no client data']);
    expect([record('alice').keystrokes, record('bob').keystrokes]).toEqual([truth.typing.alice.keystrokes, truth.typing.bob.keystrokes]);
  });

  it('profiles hosts of an imported flow log too, where there are no packets', () => {
    const zeek = tmp.path('zeek.flowsight');
    expect(runCli(['import-flows', '--quiet', '--case', zeek, new URL('../fixtures/flow-logs/zeek-conn.log', import.meta.url).pathname]).code).toBe(0);
    const r = jsonl<Rec>(runCli(['hosts', '--quiet', '--case', zeek]).stdout);
    expect(r.map((x) => [x.key, x.flows, x.bytes_sent, x.bytes_received, x.packets_measured])).toEqual([
      ['ip:192.168.1.10', 2, 2274 + 61, 59129 + 77, 0],
      ['ip:192.168.1.20', 2, 0 + 168, 44 + 168, 0],
      ['ip:192.168.1.1', 1, 77, 61, 0],
      // Remote addresses are hosts only when they start flows into the case: the scanner, not the servers.
      ['ip:133.242.0.3', 1, 44, 0, 0],
    ]);
  });
});
