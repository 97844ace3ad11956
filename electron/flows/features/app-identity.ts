import type { AppSignatures } from '../app-signatures';
import type { FlowFeature } from '../flow-feature';
import { columnOf } from '../flow-row';

const C = {
  app: columnOf('app'),
  category: columnOf('app_category'),
  sni: columnOf('sni'),
  httpHost: columnOf('http_host'),
  dstName: columnOf('dst_name'),
  dnsQuery: columnOf('dns_query'),
  proto: columnOf('proto'),
  srcPort: columnOf('src_port'),
  dstPort: columnOf('dst_port'),
};

/** Names the flow's application from what the other features found; must run last. */
export function appIdentity(signatures: AppSignatures): FlowFeature<null> {
  return {
    name: 'app-identity',
    create: () => null,
    init() {},
    emit(_s, _f, row) {
      const id = signatures.identify({
        sni: row[C.sni] as string | null,
        httpHost: row[C.httpHost] as string | null,
        dstName: row[C.dstName] as string | null,
        dnsQuery: row[C.dnsQuery] as string | null,
        proto: row[C.proto] as string,
        srcPort: row[C.srcPort] as number,
        dstPort: row[C.dstPort] as number,
      });
      row[C.app] = id?.app ?? null;
      row[C.category] = id?.category ?? null;
    },
  };
}
