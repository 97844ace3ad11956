import { openCaseDb, type CaseDb } from '../../electron/cases/case-db';
import { ipKey } from '../../shared/net/ip-key';
import { tempDir } from './tmp';

export interface TestFlow {
  id: number;
  proto?: 'tcp' | 'udp' | 'icmp';
  src: string;
  sport: number;
  dst: string;
  dport: number;
  first: number;
  last?: number;
  label?: string | null;
  sni?: string | null;
  http_host?: string | null;
  dns_query?: string | null;
  dst_name?: string | null;
  ja4?: string | null;
}

const PROTO = { tcp: 6, udp: 17, icmp: 1 } as const;

/**
 * A case holding exactly the given flows (written as the flow writer writes
 * them: text addresses with their keys), for tests of what labelling does to
 * known flows without a capture in between.
 */
export function caseWithFlows(flows: TestFlow[]): { db: CaseDb; path: string; cleanup: () => void } {
  const tmp = tempDir('flowsight-labels-');
  const path = tmp.path('labels.flowsight');
  const db = openCaseDb(path, { create: true });
  db.prepare("INSERT INTO evidence (id, path, status, imported_at) VALUES (1, '/captures/test.pcap', 'complete', 0)").run();
  const insert = db.prepare(
    `INSERT INTO flows (id, evidence_id, proto, ip_proto, src_ip, src_port, dst_ip, dst_port, src_ip_key, dst_ip_key, first_ts, last_ts, label, sni, http_host, dns_query, dst_name, ja4)
     VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const f of flows) {
    const proto = f.proto ?? 'tcp';
    insert.run(f.id, proto, PROTO[proto], f.src, f.sport, f.dst, f.dport, ipKey(f.src), ipKey(f.dst), f.first, f.last ?? f.first + 1, f.label ?? null, f.sni ?? null, f.http_host ?? null, f.dns_query ?? null, f.dst_name ?? null, f.ja4 ?? null);
  }
  return {
    db,
    path,
    cleanup: () => {
      db.close();
      tmp.cleanup();
    },
  };
}

/** Current labels by flow id. */
export function labelsOf(db: CaseDb): Record<number, string | null> {
  return Object.fromEntries((db.prepare('SELECT id, label FROM flows ORDER BY id').all() as { id: number; label: string | null }[]).map((r) => [r.id, r.label]));
}
