/** Addresses that never name a device: unspecified, broadcast, multicast. */
export function isHostAddress(ip: string | null): ip is string {
  if (ip === null || ip === '') return false;
  if (ip === '0.0.0.0' || ip === '::' || ip === '255.255.255.255') return false;
  if (ip.includes(':')) return !/^ff/i.test(ip);
  const first = Number(ip.slice(0, ip.indexOf('.')));
  // 224.0.0.0/4 multicast, 240.0.0.0/4 reserved.
  return first < 224;
}

/** Unicast MACs name one interface; the group bit (first octet's lowest bit) marks broadcast and multicast. */
export function isUnicastMac(mac: string | null): mac is string {
  if (mac === null || mac.length < 2) return false;
  return (parseInt(mac.slice(0, 2), 16) & 1) === 0 && mac !== '00:00:00:00:00:00';
}

export function isUnspecified(ip: string | null): boolean {
  return ip === '0.0.0.0' || ip === '::';
}
