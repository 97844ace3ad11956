import { readFileSync } from 'node:fs';

/** The link type a capture on the interface will have: its LINKTYPE_ number and a readable name. */
export interface InterfaceLinkType {
  linkType: number;
  name: string;
}

const ETHERNET: InterfaceLinkType = { linkType: 1, name: 'Ethernet' };
const COOKED: InterfaceLinkType = { linkType: 113, name: 'Linux cooked (SLL)' };

/**
 * Linux ARPHRD_ hardware types (/sys/class/net/IF/type) and the link type
 * libpcap gives a device of that type. Only the ones whose mapping is fixed;
 * loopback is presented as Ethernet, PPP is captured cooked.
 */
const BY_ARPHRD = new Map<number, InterfaceLinkType>([
  [1, ETHERNET],
  [772, ETHERNET],
  [512, COOKED],
  [65534, { linkType: 101, name: 'Raw IP' }],
  [801, { linkType: 105, name: 'IEEE 802.11' }],
  [803, { linkType: 127, name: 'IEEE 802.11 + radiotap' }],
]);

/** libpcap's Linux pseudo-devices, which have no /sys/class/net entry. */
const PSEUDO = new Map<string, InterfaceLinkType>([
  ['any', COOKED],
  ['nflog', { linkType: 239, name: 'Linux netfilter log (NFLOG)' }],
]);

/**
 * The link type of a capture on `device`, known before opening it, so the
 * interface list can show it without opening (and putting into promiscuous
 * mode) every interface. Null where it is only known once the capture starts
 * (other systems, other device kinds).
 */
export function interfaceLinkType(device: string): InterfaceLinkType | null {
  const pseudo = PSEUDO.get(device);
  if (pseudo) return pseudo;
  if (process.platform !== 'linux' || device.includes('/') || device.startsWith('.')) return null;
  try {
    return BY_ARPHRD.get(Number(readFileSync(`/sys/class/net/${device}/type`, 'utf8').trim())) ?? null;
  } catch {
    return null;
  }
}
