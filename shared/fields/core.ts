import type { FieldDef } from './field-def';

/** The flow record of the first slice; stable since schema 1. */
export const coreFields = [
  { name: 'id', label: 'ID', type: 'int', group: 'identity', since: 1, description: 'Flow number within the case' },
  { name: 'proto', label: 'Protocol', type: 'text', group: 'identity', since: 1, description: 'Transport protocol: tcp, udp, icmp, icmpv6 or other (ip_proto has the number)' },
  { name: 'src_ip', label: 'Source', type: 'text', group: 'identity', since: 1, description: 'Address of the side that sent the first packet (the SYN sender for TCP)', cic: 'Source IP' },
  { name: 'src_port', label: 'Src port', type: 'int', group: 'identity', since: 1, description: 'Source port (ICMP: type of the first message)', cic: 'Source Port' },
  { name: 'dst_ip', label: 'Destination', type: 'text', group: 'identity', since: 1, description: 'Address of the other side', cic: 'Destination IP' },
  { name: 'dst_port', label: 'Dst port', type: 'int', group: 'identity', since: 1, description: 'Destination port (ICMP: code of the first message)', cic: 'Destination Port' },
  { name: 'first_ts', label: 'First seen', type: 'real', group: 'time', since: 1, description: 'Time of the first packet, epoch seconds', unit: 's' },
  { name: 'last_ts', label: 'Last seen', type: 'real', group: 'time', since: 1, description: 'Time of the last packet, epoch seconds', unit: 's' },
  { name: 'duration', label: 'Duration', type: 'real', group: 'time', since: 1, description: 'last_ts − first_ts, seconds', cic: 'Flow Duration', cicScale: 1e6, unit: 's', feature: true },
  { name: 'packets', label: 'Packets', type: 'int', group: 'volume', since: 1, description: 'Packets in both directions', unit: 'packets', feature: true },
  { name: 'bytes', label: 'Bytes', type: 'int', group: 'volume', since: 1, description: 'Frame bytes on the wire in both directions (original length, as Wireshark counts them)', unit: 'bytes', feature: true },
  { name: 'fwd_packets', label: 'Fwd packets', type: 'int', group: 'direction', since: 1, description: 'Packets from source to destination', cic: 'Total Fwd Packets', unit: 'packets', feature: true },
  { name: 'bwd_packets', label: 'Bwd packets', type: 'int', group: 'direction', since: 1, description: 'Packets from destination to source', cic: 'Total Backward Packets', unit: 'packets', feature: true },
  { name: 'fwd_bytes', label: 'Fwd bytes', type: 'int', group: 'direction', since: 1, description: 'Frame bytes from source to destination (seed 002: flow size forward)', unit: 'bytes', feature: true },
  { name: 'bwd_bytes', label: 'Bwd bytes', type: 'int', group: 'direction', since: 1, description: 'Frame bytes from destination to source (seed 002: flow size backward)', unit: 'bytes', feature: true },
] as const satisfies readonly FieldDef[];
