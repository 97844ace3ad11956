import type { Decoder } from './decoded-packet';

/**
 * Dispatch tables, as gopacket and Wireshark do it: a protocol file registers
 * itself under its number; nothing edits a central switch.
 */
export const linkTypes: (Decoder | undefined)[] = new Array(512);
export const etherTypes: (Decoder | undefined)[] = new Array(65536);
export const ipProtocols: (Decoder | undefined)[] = new Array(256);
/** UDP payload decoders by destination port (tunnels such as VXLAN). */
export const udpPorts: (Decoder | undefined)[] = new Array(65536);

export function registerLinkType(dlt: number, d: Decoder): void {
  linkTypes[dlt] = d;
}
export function registerEtherType(type: number, d: Decoder): void {
  etherTypes[type] = d;
}
export function registerIpProtocol(proto: number, d: Decoder): void {
  ipProtocols[proto] = d;
}

export function registerUdpPort(port: number, d: Decoder): void {
  udpPorts[port] = d;
}

export function dispatchEtherType(type: number, d: Uint8Array, off: number, end: number, p: import('./decoded-packet').DecodedPacket): void {
  const next = etherTypes[type];
  if (next) next(d, off, end, p);
  else p.skipReason = 'non-IP frame';
}

/** PPP protocol numbers (RFC 1661 §2; IANA "PPP DLL Protocol Numbers"): PPP, PPPoE. */
export const pppProtocols: (Decoder | undefined)[] = new Array(65536);

export function registerPppProtocol(proto: number, d: Decoder): void {
  pppProtocols[proto] = d;
}

export function dispatchPppProtocol(proto: number, d: Uint8Array, off: number, end: number, p: import('./decoded-packet').DecodedPacket): void {
  const next = pppProtocols[proto];
  if (next) next(d, off, end, p);
  else p.skipReason = 'non-IP PPP frame';
}
