import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { resourcesDir } from '../app-paths';

const SignatureFile = z.object({
  version: z.literal(1),
  apps: z.array(z.object({ app: z.string().min(1), category: z.string().min(1), domains: z.array(z.string().min(1)) })),
  ports: z.array(z.object({ proto: z.enum(['tcp', 'udp']), port: z.number().int().min(0).max(65535), app: z.string().min(1), category: z.string().min(1) })),
});

export interface AppIdentity {
  app: string;
  category: string;
}

export interface AppEvidence {
  sni: string | null;
  httpHost: string | null;
  dstName: string | null;
  dnsQuery: string | null;
  proto: string;
  srcPort: number;
  dstPort: number;
}

/**
 * Coarse application identity from the signature file: domain suffixes matched
 * against the names a flow reveals (most specific suffix wins), then well-known
 * ports. A DNS flow is DNS whatever name it asks for.
 */
export class AppSignatures {
  private domains = new Map<string, AppIdentity>();
  private ports = new Map<string, AppIdentity>();

  constructor(data: unknown, source = 'app signatures') {
    const parsed = SignatureFile.safeParse(data);
    if (!parsed.success) throw new Error(`${source}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    for (const a of parsed.data.apps) for (const d of a.domains) this.domains.set(d.toLowerCase(), { app: a.app, category: a.category });
    for (const p of parsed.data.ports) this.ports.set(`${p.proto}/${p.port}`, { app: p.app, category: p.category });
  }

  static load(path = join(resourcesDir(), 'app-signatures.json')): AppSignatures {
    return new AppSignatures(JSON.parse(readFileSync(path, 'utf8')), path);
  }

  byName(name: string): AppIdentity | null {
    let n = name.toLowerCase().replace(/\.$/, '');
    for (;;) {
      const hit = this.domains.get(n);
      if (hit) return hit;
      const dot = n.indexOf('.');
      if (dot < 0) return null;
      n = n.slice(dot + 1);
    }
  }

  byPort(proto: string, port: number): AppIdentity | null {
    return this.ports.get(`${proto}/${port}`) ?? null;
  }

  identify(e: AppEvidence): AppIdentity | null {
    if (e.dnsQuery !== null) return this.byPort(e.proto, e.dstPort) ?? this.byPort(e.proto, e.srcPort) ?? { app: 'DNS', category: 'infrastructure' };
    for (const name of [e.sni, e.httpHost, e.dstName]) {
      if (!name) continue;
      const hit = this.byName(name);
      if (hit) return hit;
    }
    return this.byPort(e.proto, e.dstPort) ?? this.byPort(e.proto, e.srcPort);
  }
}
