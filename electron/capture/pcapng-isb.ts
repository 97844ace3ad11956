import type { PcapngInterface } from './pcapng-interface';
import type { OptionCursor } from './pcapng-options';
import { ISB_ENDTIME, ISB_FILTERACCEPT, ISB_IFDROP, ISB_IFRECV, ISB_OSDROP, ISB_STARTTIME, ISB_USRDELIV } from './pcapng-format';
import { MICROSECONDS, setTimestamp, type TimeUnits } from './pcapng-timestamp';
import type { InterfaceStats } from './read-stats';

const scratch = { tsSec: 0, tsNsec: 0 };

function seconds(u: TimeUnits, hi: number, lo: number): number {
  setTimestamp(scratch, u, hi, lo);
  return scratch.tsSec + scratch.tsNsec / 1e9;
}

/**
 * An Interface Statistics Block (draft-ietf-opsawg-pcapng §4.6): interface id,
 * timestamp, then counters as options. `iface` is undefined when the id names
 * no interface of the section (the counters are still worth showing).
 */
export function parseIsb(
  view: DataView,
  bytes: Uint8Array,
  body: number,
  optEnd: number,
  little: boolean,
  opts: OptionCursor,
  section: number,
  iface: PcapngInterface | undefined,
): InterfaceStats {
  const u = iface?.time ?? MICROSECONDS;
  const s: InterfaceStats = {
    section,
    interfaceId: view.getUint32(body, little),
    linkType: iface?.info.linkType ?? -1,
    ts: seconds(u, view.getUint32(body + 4, little), view.getUint32(body + 8, little)),
  };
  if (iface?.info.name !== undefined) s.name = iface.info.name;
  opts.reset(view, bytes, body + 12, optEnd, little);
  while (opts.next()) {
    if (opts.length < 8) continue;
    // §4.6: start and end times are written like packet timestamps, high word first.
    const time = () => seconds(u, view.getUint32(opts.value, little), view.getUint32(opts.value + 4, little));
    switch (opts.code) {
      case ISB_STARTTIME: s.start = time(); break;
      case ISB_ENDTIME: s.end = time(); break;
      case ISB_IFRECV: s.received = opts.u64(); break;
      case ISB_IFDROP: s.dropped = opts.u64(); break;
      case ISB_FILTERACCEPT: s.filterAccepted = opts.u64(); break;
      case ISB_OSDROP: s.osDropped = opts.u64(); break;
      case ISB_USRDELIV: s.delivered = opts.u64(); break;
    }
  }
  return s;
}
