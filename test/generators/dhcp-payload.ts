/** A DHCP message (RFC 2131 §2) with message type, hostname (option 12) and the client's hardware address. */
export function dhcpMessage(op: 1 | 2, xid: number, mac: Uint8Array, type: number, hostname: string | null): Uint8Array {
  const opts: number[] = [53, 1, type];
  if (hostname) opts.push(12, hostname.length, ...[...hostname].map((c) => c.charCodeAt(0)));
  opts.push(255);
  const out = new Uint8Array(240 + opts.length);
  out[0] = op;
  out[1] = 1; // Ethernet
  out[2] = 6;
  out[4] = (xid >>> 24) & 255;
  out[5] = (xid >>> 16) & 255;
  out[6] = (xid >>> 8) & 255;
  out[7] = xid & 255;
  out.set(mac, 28);
  out.set([0x63, 0x82, 0x53, 0x63], 236); // magic cookie
  out.set(opts, 240);
  return out;
}
