import type { OptionCursor } from './pcapng-options';
import { IF_DESCRIPTION, IF_NAME, IF_TSOFFSET, IF_TSRESOL } from './pcapng-format';
import { MICROSECONDS, timeUnits, type TimeUnits } from './pcapng-timestamp';
import type { CaptureInterface } from './read-stats';

/** An interface of the current section, as its packets need it. */
export interface PcapngInterface {
  /** The entry in `stats.interfaces`: packets are counted there. */
  info: CaptureInterface;
  time: TimeUnits;
  /** if_tsresol named a resolution no clock has: microseconds were assumed. */
  badResolution: boolean;
}

/**
 * An Interface Description Block body (draft-ietf-opsawg-pcapng §4.2): link
 * type, reserved, snaplen, then options. `body` is the offset after the block
 * header; `optEnd` the end of the options.
 */
export function parseIdb(
  view: DataView,
  bytes: Uint8Array,
  body: number,
  optEnd: number,
  little: boolean,
  opts: OptionCursor,
  section: number,
  interfaceId: number,
): PcapngInterface {
  const info: CaptureInterface = {
    section,
    interfaceId,
    linkType: view.getUint16(body, little),
    snaplen: view.getUint32(body + 4, little),
    packets: 0,
  };
  // §4.2: without if_tsresol, timestamps count microseconds.
  let tsresol = 6;
  let offset = 0;
  opts.reset(view, bytes, body + 8, optEnd, little);
  while (opts.next()) {
    if (opts.code === IF_NAME) info.name = opts.text();
    else if (opts.code === IF_DESCRIPTION) info.description = opts.text();
    else if (opts.code === IF_TSRESOL && opts.length >= 1) tsresol = opts.u8();
    else if (opts.code === IF_TSOFFSET && opts.length >= 8) offset = opts.i64();
  }
  const time = timeUnits(tsresol, offset);
  const units = time ?? { ...MICROSECONDS, offset };
  info.time = units;
  return { info, time: units, badResolution: time === null };
}
