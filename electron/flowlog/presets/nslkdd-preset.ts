import { count, isUnset, protocol } from '../log-values';
import { emptyDraft, type FlowDraft, type RecordMapper, type RowView } from '../flow-draft';
import { RowError } from '../row-error';

/**
 * KDD Cup 1999 and NSL-KDD connection records: no header, 41 features, the
 * class, and (NSL-KDD) a difficulty level. Names from the KDD Cup 99 task
 * description (kddcup.names).
 */
export const KDD_COLUMNS = [
  'duration', 'protocol_type', 'service', 'flag', 'src_bytes', 'dst_bytes', 'land', 'wrong_fragment', 'urgent', 'hot',
  'num_failed_logins', 'logged_in', 'num_compromised', 'root_shell', 'su_attempted', 'num_root', 'num_file_creations', 'num_shells', 'num_access_files', 'num_outbound_cmds',
  'is_host_login', 'is_guest_login', 'count', 'srv_count', 'serror_rate', 'srv_serror_rate', 'rerror_rate', 'srv_rerror_rate', 'same_srv_rate', 'diff_srv_rate',
  'srv_diff_host_rate', 'dst_host_count', 'dst_host_srv_count', 'dst_host_same_srv_rate', 'dst_host_diff_srv_rate', 'dst_host_same_src_port_rate', 'dst_host_srv_diff_host_rate', 'dst_host_serror_rate', 'dst_host_srv_serror_rate', 'dst_host_rerror_rate',
  'dst_host_srv_rerror_rate', 'class', 'difficulty',
];

/** Bro's connection states, which KDD's `flag` column uses. */
const FLAGS = new Set(['SF', 'S0', 'S1', 'S2', 'S3', 'REJ', 'RSTO', 'RSTR', 'RSTOS0', 'RSTRH', 'SH', 'SHR', 'OTH']);

/** KDD service names with a well-known port (the rest, such as private and other, have none). */
const SERVICE_PORTS: Record<string, number> = {
  http: 80, http_443: 443, http_8001: 8001, http_2784: 2784, ftp: 21, ftp_data: 20, smtp: 25, telnet: 23, ssh: 22, domain: 53, domain_u: 53,
  finger: 79, pop_3: 110, pop_2: 109, imap4: 143, auth: 113, sunrpc: 111, netbios_ns: 137, netbios_dgm: 138, netbios_ssn: 139, ntp_u: 123,
  tftp_u: 69, bgp: 179, ldap: 389, whois: 43, gopher: 70, time: 37, daytime: 13, echo: 7, discard: 9, systat: 11, netstat: 15, nntp: 119,
  printer: 515, uucp: 540, uucp_path: 117, klogin: 543, kshell: 544, login: 513, shell: 514, exec: 512, X11: 6000, IRC: 194, Z39_50: 210,
  iso_tsap: 102, kerberos: 88, sql_net: 150, hostnames: 101, supdup: 95, name: 42, csnet_ns: 105, ctf: 84, courier: 530, efs: 520,
  remote_job: 5, rje: 77, vmnet: 175, mtp: 57, link: 245, pm_dump: 7, tim_i: 13, eco_i: 8, ecr_i: 0, urp_i: 3, red_i: 5,
};

/** A headerless line that reads as a KDD record: 42 or 43 fields, a protocol and a Bro flag in place. */
export function looksLikeKdd(fields: string[]): boolean {
  return (fields.length === 42 || fields.length === 43) && ['tcp', 'udp', 'icmp'].includes(fields[1]) && FLAGS.has(fields[3]);
}

/**
 * KDD records have no addresses and no times: their flows keep both empty
 * (src_ip, dst_ip, first_ts NULL), so they take part in flow tables, labels
 * and K-Means, but make no hosts. The service becomes the destination port
 * where it names one (for ICMP services, the ICMP type, as our flows store
 * it); `flag` is a Bro connection state, so it is the flow's conn_state;
 * src_bytes and dst_bytes are the bytes each way; the class, without KDD'99's
 * trailing dot, is the label. The other 35 features are dropped.
 */
export function kddMapper(): RecordMapper {
  return {
    toDraft(get: RowView): FlowDraft {
      if (get('class') === undefined) throw new RowError('columns', 'a KDD record has 42 or 43 fields');
      const d = emptyDraft();
      const p = protocol(get('protocol_type'), 'protocol_type');
      d.proto = p?.proto ?? null;
      d.ip_proto = p?.ipProto ?? null;
      d.duration = count(get('duration'), 'duration');
      const service = get('service') ?? '';
      const svc = SERVICE_PORTS[service];
      if (svc !== undefined) {
        if (d.proto === 'icmp') d.src_port = svc;
        else d.dst_port = svc;
      }
      const flag = get('flag') ?? '';
      if (!FLAGS.has(flag)) throw new RowError('syntax', `flag ${JSON.stringify(flag)} is not a connection state`);
      d.conn_state = flag;
      d.fwd_bytes = count(get('src_bytes'), 'src_bytes');
      d.bwd_bytes = count(get('dst_bytes'), 'dst_bytes');
      const label = get('class');
      d.label = isUnset(label) ? null : label!.replace(/\.$/, '');
      return d;
    },
  };
}
