import type { DecodedPacket } from './decoded-packet';
import { registerIpProtocol } from './dispatch';
import { decodeIpv4 } from './ipv4';
import { decodeIpv6 } from './ipv6';

/** IP in IP (RFC 2003) and IPv6 in IPv4/IPv6 (RFC 4213, 2473): the inner packet is the flow. */
function tunnelled(decode: typeof decodeIpv4) {
  return (d: Uint8Array, off: number, end: number, p: DecodedPacket): void => {
    if (end - off < 20) return;
    p.resetForInner('ipip');
    decode(d, off, end, p);
  };
}

registerIpProtocol(4, tunnelled(decodeIpv4));
registerIpProtocol(41, tunnelled(decodeIpv6));
