import type { FieldDef } from './field-def';

export const lifecycleFields = [
  { name: 'termination', label: 'Termination', type: 'text', group: 'lifecycle', since: 2, description: 'Why the flow ended: fin (FIN both ways and the last ACK), rst, idle (idle timeout), active (active timeout) or end_of_capture' },
  { name: 'conn_state', label: 'Conn state', type: 'text', group: 'lifecycle', since: 2, description: "Zeek's connection state: S0, S1, SF, REJ, S2, S3, RSTO, RSTR, RSTOS0, RSTRH, SH, SHR, OTH" },
  { name: 'history', label: 'History', type: 'text', group: 'lifecycle', since: 2, description: "Zeek-style history: letters for the originator (upper case) and responder (lower case): S syn, H syn-ack, A ack, D data, F fin, R rst, C bad checksum, T retransmission, W zero window, ^ direction flipped" },
] as const satisfies readonly FieldDef[];
