import type { DecodedPacket, Decoder } from './decoded-packet';

/**
 * Dispatch tables, as gopacket and Wireshark do it: a protocol file registers
 * itself under its number; nothing edits a central switch.
 */
export const linkTypes: (Decoder | undefined)[] = new Array(512);
export const etherTypes: (Decoder | undefined)[] = new Array(65536);
export const ipProtocols: (Decoder | undefined)[] = new Array(256);

/**
 * A decoder for what a UDP port carries (tunnels such as VXLAN). It returns
 * false, touching nothing, when the payload is not its protocol: UDP then
 * tries the datagram's other port, as Wireshark does when a dissector rejects.
 */
export type UdpPayloadDecoder = (d: Uint8Array, off: number, end: number, p: DecodedPacket) => boolean;
export const udpPorts: (UdpPayloadDecoder | undefined)[] = new Array(65536);

/**
 * How many headers one frame may nest (VLAN tags, label stacks, tunnels in
 * tunnels). Real traffic stays far below it; a crafted frame of stacked tags
 * would otherwise recurse until the stack overflows.
 */
export const MAX_NESTING = 64;

export function registerLinkType(dlt: number, d: Decoder): void {
  linkTypes[dlt] = d;
}
export function registerEtherType(type: number, d: Decoder): void {
  etherTypes[type] = d;
}
export function registerIpProtocol(proto: number, d: Decoder): void {
  ipProtocols[proto] = d;
}

export function registerUdpPort(port: number, d: UdpPayloadDecoder): void {
  udpPorts[port] = d;
}

/** Counts one more nested header; false (with the skip reason) past the bound. */
export function enterLayer(p: DecodedPacket): boolean {
  if (++p.depth <= MAX_NESTING) return true;
  p.truncated = true;
  p.skipReason = 'too many nested headers';
  return false;
}

export function dispatchEtherType(type: number, d: Uint8Array, off: number, end: number, p: DecodedPacket): void {
  if (!enterLayer(p)) return;
  const next = etherTypes[type];
  if (next) next(d, off, end, p);
  else p.skipReason = 'non-IP frame';
}

/** The transport (or tunnel) after an IP header, when a decoder is registered for it. */
export function dispatchIpProtocol(proto: number, d: Uint8Array, off: number, end: number, p: DecodedPacket): void {
  const next = ipProtocols[proto];
  if (next && enterLayer(p)) next(d, off, end, p);
}

/**
 * What a UDP datagram carries, by port: the lower port first, then the higher
 * one (Wireshark's order, so both directions of a flow decode alike).
 */
export function dispatchUdpPayload(srcPort: number, dstPort: number, d: Uint8Array, off: number, end: number, p: DecodedPacket): void {
  const low = srcPort < dstPort ? srcPort : dstPort;
  const high = srcPort < dstPort ? dstPort : srcPort;
  const first = udpPorts[low];
  const second = udpPorts[high];
  if (!first && !second) return;
  if (!enterLayer(p)) return;
  if (first && first(d, off, end, p)) return;
  if (second && second !== first) second(d, off, end, p);
}

/** PPP protocol numbers (RFC 1661 §2; IANA "PPP DLL Protocol Numbers"): PPP, PPPoE. */
export const pppProtocols: (Decoder | undefined)[] = new Array(65536);

export function registerPppProtocol(proto: number, d: Decoder): void {
  pppProtocols[proto] = d;
}

export function dispatchPppProtocol(proto: number, d: Uint8Array, off: number, end: number, p: DecodedPacket): void {
  if (!enterLayer(p)) return;
  const next = pppProtocols[proto];
  if (next) next(d, off, end, p);
  else p.skipReason = 'non-IP PPP frame';
}
