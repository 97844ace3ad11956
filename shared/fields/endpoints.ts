import type { FieldDef } from './field-def';

export const endpointFields = [
  { name: 'vlan', label: 'VLAN', type: 'int', group: 'endpoints', since: 2, description: 'Innermost 802.1Q/802.1ad VLAN id, 0 when untagged (part of the flow key)' },
  { name: 'ip_version', label: 'IP version', type: 'int', group: 'endpoints', since: 2, description: '4 or 6' },
  { name: 'ip_proto', label: 'IP protocol', type: 'int', group: 'endpoints', since: 2, description: 'IP protocol number of the transport (6 TCP, 17 UDP, 1 ICMP, 58 ICMPv6, …)', cic: 'Protocol' },
  { name: 'src_mac', label: 'Src MAC', type: 'text', group: 'endpoints', since: 2, description: 'Ethernet source address of the first forward packet (the link-layer sender)' },
  { name: 'dst_mac', label: 'Dst MAC', type: 'text', group: 'endpoints', since: 2, description: 'Ethernet destination address of the first forward packet' },
  { name: 'src_name', label: 'Src name', type: 'text', group: 'endpoints', since: 2, description: 'Name of the source address, from DNS answers (or the capture\'s name resolution block) seen before the flow ended' },
  { name: 'dst_name', label: 'Dst name', type: 'text', group: 'endpoints', since: 2, description: 'Name of the destination address, from DNS answers seen before the flow ended' },
  { name: 'tunnel', label: 'Tunnel', type: 'text', group: 'endpoints', since: 2, description: 'Encapsulation the flow was found in (gre, vxlan, erspan, pppoe), empty when none' },
] as const satisfies readonly FieldDef[];
