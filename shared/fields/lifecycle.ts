import type { FieldDef } from './field-def';

export const lifecycleFields = [
  { name: 'termination', label: 'Termination', type: 'text', group: 'lifecycle', since: 2, description: 'Why the flow ended: fin (FIN both ways, each ACKed), rst, idle (idle timeout), active (active timeout), end_of_capture, or reused (a new SYN opened another connection on the same 5-tuple before this one was seen to end)' },
  { name: 'conn_state', label: 'Conn state', type: 'text', group: 'lifecycle', since: 2, description: "Zeek's connection state: S0, S1, SF, REJ, S2, S3, RSTO, RSTR, RSTOS0, RSTRH, SH, SHR, OTH" },
  { name: 'history', label: 'History', type: 'text', group: 'lifecycle', since: 2, description: "Zeek-style history: letters for the originator (upper case) and responder (lower case): S syn, H syn-ack, A ack, D data, F fin, R rst, C bad checksum, T retransmission, W zero window, ^ direction flipped" },
  { name: 'icmp_errors', label: 'ICMP errors', type: 'int', group: 'lifecycle', since: 2, description: 'ICMP/ICMPv6 errors (unreachable, time exceeded, …) quoting packets of this flow; they are counted in its packets, towards the quoted packet\'s sender', feature: true },
] as const satisfies readonly FieldDef[];
