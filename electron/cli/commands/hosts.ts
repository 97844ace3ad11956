import type { Command } from 'commander';
import { resolve } from 'node:path';
import { caseSummary, hostProfile, listHosts } from '../../analysis/hosts/profile-store';
import { openCaseDb } from '../../cases/case-db';
import type { HostProfile } from '../../../shared/domain/hosts';
import { CliError } from '../cli-error';
import { ensureProfiles } from '../ensure-profiles';

/** One host as a flat JSONL record: the table's numbers and the profile's statistics. */
export function hostRecord(p: HostProfile): Record<string, unknown> {
  const s = p.summary;
  return {
    id: s.id,
    key: s.key,
    kind: s.kind,
    name: s.name,
    mac: s.mac,
    ips: s.ips,
    local: s.local,
    flows: s.flows,
    packets: s.packets,
    bytes: s.bytes,
    packets_sent: s.packetsSent,
    packets_received: s.packetsReceived,
    bytes_sent: s.bytesSent,
    bytes_received: s.bytesReceived,
    first_ts: s.firstTs,
    last_ts: s.lastTs,
    outbound: p.direction.outbound,
    inbound: p.direction.inbound,
    internal: p.direction.internal,
    external: p.direction.external,
    unique_src_ips: p.packets.uniqueSrcIps,
    unique_dst_ips: p.packets.uniqueDstIps,
    unique_src_ports: p.packets.uniqueSrcPorts,
    unique_dst_ports: p.packets.uniqueDstPorts,
    peers: s.peers,
    apps: p.packets.apps.map((a) => a.key),
    categories: Object.fromEntries(p.categories.map((c) => [c.key, c.flows])),
    packets_measured: p.packets.measured,
    size_mean: p.packets.size.mean,
    size_variance: p.packets.size.variance,
    size_entropy: p.packets.size.entropy,
    iat_mean: p.packets.iat.mean,
    iat_variance: p.packets.iat.variance,
    iat_entropy: p.packets.iat.entropy,
    dst_port_entropy: p.packets.dstPortEntropy,
    sessions: p.sessions.count,
    session_seconds: p.sessions.totalDuration,
    session_mean_seconds: p.sessions.meanDuration,
    countries: Object.fromEntries(p.countries.map((c) => [c.iso2, c.flows])),
    interactive_sessions: s.interactiveSessions,
    keystrokes: s.keystrokes,
    typing_cpm: s.typingCpm,
  };
}

export function registerHosts(program: Command): void {
  program
    .command('hosts')
    .description("print a case's host behaviour profiles, one line per host (computed first when missing or stale)")
    .requiredOption('--case <path>', 'case file')
    .option('--format <format>', 'jsonl', 'jsonl')
    .option('--recompute', 'compute the profiles again even if they are current')
    .option('--with-case', 'print the whole case first, as a record with key "case"')
    .option('--quiet', 'no progress bar')
    .action(async (o: { case: string; format: string; recompute?: boolean; withCase?: boolean; quiet?: boolean }) => {
      if (o.format !== 'jsonl') throw new CliError(`--format must be jsonl, not ${JSON.stringify(o.format)}`, 2);
      const casePath = resolve(o.case);
      await ensureProfiles(casePath, { force: o.recompute, quiet: o.quiet });
      const db = openCaseDb(casePath, { readOnly: true });
      try {
        const ids = [...(o.withCase && caseSummary(db) ? [0] : []), ...listHosts(db).map((h) => h.id)];
        for (const id of ids) process.stdout.write(`${JSON.stringify(hostRecord(hostProfile(db, id)!))}\n`);
      } finally {
        db.close();
      }
    });
}
