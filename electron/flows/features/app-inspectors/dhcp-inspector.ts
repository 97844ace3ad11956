import { parseDhcp } from '../../../dissect/app/dhcp';
import type { AppMetadataState } from './app-state';

// BOOTP/DHCP server and client ports (RFC 2131 §4.1).
export function isDhcpPorts(a: number, b: number): boolean {
  return (a === 67 || a === 68) && (b === 67 || b === 68);
}

/** One DHCP datagram: the client's MAC from the first message, its hostname from the first that has one. */
export function readDhcpDatagram(s: AppMetadataState, d: Uint8Array, off: number, len: number): void {
  const m = parseDhcp(d, off, len);
  if (m === null) return;
  s.dhcpClientMac ??= m.clientMac;
  s.dhcpHostname ??= m.hostname;
}

export function dhcpFinished(s: AppMetadataState): boolean {
  return s.dhcpClientMac !== null && s.dhcpHostname !== null;
}
