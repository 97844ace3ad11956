import { ipv4, mac, type Endpoint } from './frame-builder';
import { bulkUpload, duplicatingSession, resetAfterRequest, retransmittingSession, synProbe, type ProbeAnswer } from './attack-sessions';
import type { PlantedFinding, PlantedFlow } from './planted';
import { Random } from './random';
import { tcpSession } from './sessions';
import { TrafficScheduler, type SessionScript } from './traffic-scheduler';

export interface ScenarioOptions {
  seed: number;
  out: string;
  /** Epoch seconds the scenario's clock starts at (the benign capture's start, so both overlap). */
  start?: number;
}

interface Host {
  ep: Endpoint;
  ip: string;
}

let macs = 0x5000;
function host(ip: string): Host {
  return { ip, ep: { ip: ipv4(ip), mac: mac(macs++) } };
}

/**
 * Writes a capture of attacks and anomalies with known truth, meant to be
 * ingested beside a benign capture (mixed-traffic.ts) of the same period:
 * a vertical and a horizontal scan, a SYN flood from spoofed sources, a
 * retransmission storm, a burst of duplicated packets, an RST storm, a burst
 * of short-lived connections and a beacon. Returns what each detector must
 * find, flow by flow.
 */
export function generateAttackScenario(o: ScenarioOptions): { packets: number; planted: PlantedFinding[] } {
  const r = new Random(o.seed);
  const t0 = o.start ?? 1_700_000_000;
  const sched = new TrafficScheduler(o.out);
  const planted: PlantedFinding[] = [];
  const add = (script: SessionScript) => sched.add(script);
  const tcp = (src: Host, sport: number, dst: Host, dport: number): PlantedFlow => ({ proto: 'tcp', src_ip: src.ip, src_port: sport, dst_ip: dst.ip, dst_port: dport });

  // Vertical scan: 40 ports of one host, 25 ms apart; closed ports answer RST, a few are filtered, two are open.
  {
    const scanner = host('10.66.0.10');
    const target = host('192.168.50.10');
    const flows: PlantedFlow[] = [];
    for (let i = 0; i < 40; i++) {
      const dport = 20 + i;
      const answer: ProbeAnswer = dport === 22 || dport === 53 ? 'open' : i % 7 === 3 ? 'none' : 'rst';
      add(synProbe(sched.ctx, r, scanner.ep, target.ep, 41000 + i, dport, t0 + 30 + i * 0.025, answer));
      flows.push(tcp(scanner, 41000 + i, target, dport));
    }
    planted.push({ kind: 'vertical_scan', src_ip: scanner.ip, dst_ip: target.ip, dst_port: null, count: 40, flows });
  }

  // Horizontal scan: port 22 on 30 hosts, 50 ms apart; most do not answer.
  {
    const scanner = host('10.66.0.20');
    const flows: PlantedFlow[] = [];
    for (let i = 0; i < 30; i++) {
      const target = host(`192.168.60.${i + 1}`);
      const answer: ProbeAnswer = i === 4 || i === 17 ? 'open' : i % 4 === 1 ? 'rst' : 'none';
      add(synProbe(sched.ctx, r, scanner.ep, target.ep, 42000 + i, 22, t0 + 60 + i * 0.05, answer));
      flows.push(tcp(scanner, 42000 + i, target, 22));
    }
    planted.push({ kind: 'horizontal_scan', src_ip: scanner.ip, dst_ip: null, dst_port: 22, count: 30, flows });
  }

  // SYN flood: 300 SYNs in 3 s to one web server from spoofed sources; it answers a sixth with SYN-ACKs that nobody completes.
  {
    const target = host('192.168.50.20');
    const flows: PlantedFlow[] = [];
    for (let i = 0; i < 300; i++) {
      const src = host(`198.51.${100 + (i >> 8)}.${i & 255}`);
      const sport = 1024 + r.int(0, 60000);
      add(synProbe(sched.ctx, r, src.ep, target.ep, sport, 80, t0 + 90 + i * 0.01, i % 6 === 0 ? 'syn-ack' : 'none'));
      flows.push(tcp(src, sport, target, 80));
    }
    planted.push({ kind: 'syn_flood', src_ip: null, dst_ip: target.ip, dst_port: 80, count: 300, flows });
  }

  // Retransmission storm: 4 downloads, 25 of 40 segments each sent again after a timeout.
  {
    const client = host('192.168.70.5');
    const server = host('203.0.113.80');
    const flows: PlantedFlow[] = [];
    for (let i = 0; i < 4; i++) {
      add(retransmittingSession(sched.ctx, r, client.ep, server.ep, 43000 + i, 443, t0 + 110 + i * 12, 40, 25));
      flows.push(tcp(client, 43000 + i, server, 443));
    }
    planted.push({ kind: 'retransmission_storm', src_ip: client.ip, dst_ip: server.ip, dst_port: 443, count: 100, flows });
  }

  // Duplicate-packet burst: 2 downloads with 15 of their 30 segments seen twice.
  {
    const client = host('192.168.70.6');
    const server = host('203.0.113.81');
    const flows: PlantedFlow[] = [];
    for (let i = 0; i < 2; i++) {
      add(duplicatingSession(sched.ctx, r, client.ep, server.ep, 44000 + i, 80, t0 + 140 + i * 3, 30, 15));
      flows.push(tcp(client, 44000 + i, server, 80));
    }
    planted.push({ kind: 'duplicate_burst', src_ip: client.ip, dst_ip: server.ip, dst_port: 80, count: 30, flows });
  }

  // RST storm: 3 clients' 60 connections to one service, each reset by the server after the request.
  {
    const server = host('192.168.50.30');
    const clients = [host('192.168.80.1'), host('192.168.80.2'), host('192.168.80.3')];
    const flows: PlantedFlow[] = [];
    let t = t0 + 170;
    for (let i = 0; i < 60; i++) {
      const c = clients[i % 3];
      t += r.exp(0.3);
      add(resetAfterRequest(sched.ctx, r, c.ep, server.ep, 45000 + i, 8080, t));
      flows.push(tcp(c, 45000 + i, server, 8080));
    }
    planted.push({ kind: 'rst_storm', src_ip: null, dst_ip: server.ip, dst_port: 8080, count: 60, flows });
  }

  // Short-lived burst: one bot opens 80 brief connections to 20 servers in about 20 s.
  {
    const bot = host('192.168.90.7');
    const servers = Array.from({ length: 20 }, (_, i) => host(`45.33.32.${i + 1}`));
    const flows: PlantedFlow[] = [];
    let t = t0 + 200;
    for (let i = 0; i < 80; i++) {
      const s = servers[i % 20];
      t += r.exp(0.25);
      add(tcpSession(sched.ctx, r, { client: bot.ep, server: s.ep, cport: 46000 + i, sport: 443, t, rtt: 0.02, exchanges: 1, requestBytes: () => 180, responseBytes: () => 420, think: () => 0, close: 'fin' }));
      flows.push(tcp(bot, 46000 + i, s, 443));
    }
    // Every connection went to port 443, so that is the finding's one port.
    planted.push({ kind: 'short_lived_burst', src_ip: bot.ip, dst_ip: null, dst_port: 443, count: 80, flows });
  }

  // Beaconing: one host calls home every 20 s (± 0.3 s), 15 times.
  {
    const implant = host('192.168.90.8');
    const c2 = host('185.100.87.5');
    const flows: PlantedFlow[] = [];
    for (let i = 0; i < 15; i++) {
      const t = t0 + 5 + i * 20 + (r.next() - 0.5) * 0.6;
      add(tcpSession(sched.ctx, r, { client: implant.ep, server: c2.ep, cport: 47000 + i, sport: 443, t, rtt: 0.05, exchanges: 1, requestBytes: () => 250, responseBytes: () => 90, think: () => 0, close: 'fin' }));
      flows.push(tcp(implant, 47000 + i, c2, 443));
    }
    planted.push({ kind: 'beaconing', src_ip: implant.ip, dst_ip: c2.ip, dst_port: 443, count: 15, flows });
  }

  sched.run(Infinity);
  sched.close();
  return { packets: sched.packets, planted };
}

/** An outlier host with the feature values its traffic was built to have. */
export interface PlantedOutlier {
  ip: string;
  /** Distinct addresses it connected to. */
  unique_destinations: number;
  /** Its TCP attempts that got no answer. */
  failed_connections: number;
}

/**
 * Hosts that stand out among a benign capture's clients, for K-Means: one
 * uploads 20 MB to one server, one sends 100 unanswered SYNs to port 445 of
 * random hosts (a worm), one makes 150 short connections to 150 different hosts.
 */
export function generateOutlierHosts(o: ScenarioOptions): { packets: number; outliers: PlantedOutlier[] } {
  const r = new Random(o.seed);
  const t0 = o.start ?? 1_700_000_000;
  const sched = new TrafficScheduler(o.out);
  const uploader = host('192.168.200.1');
  const worm = host('192.168.200.2');
  const crawler = host('192.168.200.3');
  sched.add(bulkUpload(sched.ctx, r, uploader.ep, host('203.0.113.200').ep, 50000, 443, t0 + 20, 20_000_000));
  const wormTargets = new Set<string>();
  for (let i = 0; i < 100; i++) {
    const target = host(`172.16.${r.int(0, 255)}.${r.int(1, 254)}`);
    wormTargets.add(target.ip);
    sched.add(synProbe(sched.ctx, r, worm.ep, target.ep, 51000 + i, 445, t0 + 40 + i * 0.5, 'none'));
  }
  for (let i = 0; i < 150; i++) {
    const server = host(`100.64.${i >> 6}.${(i & 63) + 1}`);
    sched.add(tcpSession(sched.ctx, r, { client: crawler.ep, server: server.ep, cport: 52000 + i, sport: 80, t: t0 + 10 + i * 1.5, rtt: 0.03, exchanges: 1, requestBytes: () => 200, responseBytes: () => 900, think: () => 0, close: 'fin' }));
  }
  sched.run(Infinity);
  sched.close();
  return {
    packets: sched.packets,
    outliers: [
      { ip: uploader.ip, unique_destinations: 1, failed_connections: 0 },
      { ip: worm.ip, unique_destinations: wormTargets.size, failed_connections: 100 },
      { ip: crawler.ip, unique_destinations: 150, failed_connections: 0 },
    ],
  };
}
