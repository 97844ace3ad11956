import { TcpFlag } from '../../electron/flows/tcp-analysis-flags';
import { readWithTshark, tsharkFrames, type TsharkRead } from './tshark-frames';

/** tshark's tcp.analysis fields and the TcpFlag bit each one stands for. */
export const TSHARK_FLAG_FIELDS: readonly (readonly [string, number])[] = [
  ['tcp.analysis.retransmission', TcpFlag.Retransmission],
  ['tcp.analysis.fast_retransmission', TcpFlag.FastRetransmission],
  ['tcp.analysis.spurious_retransmission', TcpFlag.SpuriousRetransmission],
  ['tcp.analysis.out_of_order', TcpFlag.OutOfOrder],
  ['tcp.analysis.lost_segment', TcpFlag.LostSegment],
  ['tcp.analysis.ack_lost_segment', TcpFlag.AckedUnseen],
  ['tcp.analysis.keep_alive', TcpFlag.KeepAlive],
  ['tcp.analysis.keep_alive_ack', TcpFlag.KeepAliveAck],
  ['tcp.analysis.duplicate_ack', TcpFlag.DuplicateAck],
  ['tcp.analysis.zero_window', TcpFlag.ZeroWindow],
  ['tcp.analysis.zero_window_probe', TcpFlag.ZeroWindowProbe],
  ['tcp.analysis.zero_window_probe_ack', TcpFlag.ZeroWindowProbeAck],
  ['tcp.analysis.window_update', TcpFlag.WindowUpdate],
  ['tcp.analysis.window_full', TcpFlag.WindowFull],
  ['tcp.analysis.reused_ports', TcpFlag.ReusedPorts],
];

/** Our flags as tshark shows them: fast and spurious retransmissions also carry tcp.analysis.retransmission. */
export function asTsharkFlags(flags: number): number {
  return flags & (TcpFlag.FastRetransmission | TcpFlag.SpuriousRetransmission) ? flags | TcpFlag.Retransmission : flags;
}

export interface TsharkTcpView {
  /** Frames with a TCP header (tunnelled or quoted in ICMP errors included). */
  tcpFrames: number;
  /** Frames with tcp.flags.reset set. */
  resets: number;
  /** TcpFlag bits per frame number (1-based), for frames with any tcp.analysis flag. */
  flags: Map<number, number>;
}

function viewOf(read: TsharkRead): TsharkTcpView {
  const view: TsharkTcpView = { tcpFrames: 0, resets: 0, flags: new Map() };
  read.frames.forEach((f, i) => {
    if (f.tcpSrcPort.length === 0) return;
    view.tcpFrames++;
    if (f.tcpReset) view.resets++;
    let bits = 0;
    for (const [field, bit] of TSHARK_FLAG_FIELDS) if (f.tcpAnalysis.includes(field.slice('tcp.analysis.'.length))) bits |= bit;
    if (bits) view.flags.set(i + 1, bits);
  });
  return view;
}

/** tshark's view of a capture's TCP (uncached: generated files). */
export async function tsharkTcp(file: string): Promise<TsharkTcpView> {
  return viewOf(await readWithTshark(file));
}

/** The same from the corpus-wide tshark pass, which is cached and shared with the other corpus tests. */
export async function tsharkTcpCached(file: string): Promise<TsharkTcpView> {
  return viewOf(await tsharkFrames(file));
}
