import type { TcpStream } from '../../shared/domain/packets';
import { ApiError } from '../../shared/contract/errors';
import type { CaseDb } from '../cases/case-db';
import { DecodedPacket } from '../dissect/decoded-packet';
import { decodePacket } from '../dissect/packet-decoder';
import { IPPROTO_TCP, TCP_SYN } from '../dissect/tcp';
import { flowPacketIndex, withRecords } from './flow-packets';

const MAX_PENDING = 256;

/** One direction's reassembly: the next expected sequence number and out-of-order segments waiting for it. */
class Direction {
  next = -1;
  pending = new Map<number, Uint8Array>();
  bytes = 0;
  gaps = 0;

  /** Returns the data this segment delivers in order (possibly several pieces). */
  push(seq: number, data: Uint8Array, syn: boolean): Uint8Array[] {
    if (syn) {
      this.next = (seq + 1) >>> 0;
      return [];
    }
    if (data.length === 0) return [];
    if (this.next < 0) this.next = seq;
    const out: Uint8Array[] = [];
    this.accept(seq, data, out);
    return out;
  }

  private accept(seq: number, data: Uint8Array, out: Uint8Array[]): void {
    const ahead = (seq - this.next) | 0;
    if (ahead > 0) {
      // A hole before this segment: keep it until the hole is filled (or the flow ends).
      if (this.pending.size < MAX_PENDING && !this.pending.has(seq)) this.pending.set(seq, data);
      return;
    }
    // Retransmitted bytes are delivered once.
    const skip = -ahead;
    if (skip >= data.length) return;
    const fresh = data.subarray(skip);
    out.push(fresh);
    this.bytes += fresh.length;
    this.next = (this.next + fresh.length) >>> 0;
    const waiting = this.pending.get(this.next);
    if (waiting) {
      this.pending.delete(this.next);
      this.accept(this.next, waiting, out);
    }
  }

  /** At the end: what never became contiguous is delivered after its gap. */
  flush(): Uint8Array[] {
    const out: Uint8Array[] = [];
    for (const seq of [...this.pending.keys()].sort((a, b) => ((a - this.next) | 0) - ((b - this.next) | 0))) {
      const data = this.pending.get(seq)!;
      this.pending.delete(seq);
      if (((seq - this.next) | 0) > 0) {
        this.gaps++;
        this.next = seq;
      }
      this.accept(seq, data, out);
    }
    return out;
  }
}

/**
 * "Follow TCP stream": the payload of each side reassembled by sequence number
 * (retransmissions once, out-of-order data in place, holes counted), in the
 * order it became deliverable, up to `maxBytes`.
 */
export async function followTcpStream(db: CaseDb, flowId: number, maxBytes: number): Promise<TcpStream> {
  const flow = db.prepare('SELECT proto, src_ip, src_port, dst_ip, dst_port FROM flows WHERE id = ?').get(flowId) as
    | { proto: string; src_ip: string; src_port: number; dst_ip: string; dst_port: number }
    | undefined;
  if (!flow) throw new ApiError('not_found', `no flow ${flowId}`);
  if (flow.proto !== 'tcp') throw new ApiError('bad_input', `flow ${flowId} is ${flow.proto}, not TCP: there is no stream to follow`);
  const sides = { client: new Direction(), server: new Direction() };
  const chunks: TcpStream['chunks'] = [];
  let returned = 0;
  let truncated = false;
  const emit = (from: 'client' | 'server', pieces: Uint8Array[]) => {
    for (const piece of pieces) {
      if (returned >= maxBytes) {
        truncated = true;
        return;
      }
      const take = piece.subarray(0, Math.min(piece.length, maxBytes - returned));
      if (take.length < piece.length) truncated = true;
      returned += take.length;
      const last = chunks[chunks.length - 1];
      const text = Buffer.from(take.buffer, take.byteOffset, take.length).toString('hex');
      if (last && last.from === from) last.hex += text;
      else chunks.push({ from, hex: text });
    }
  };
  const p = new DecodedPacket();
  const count = flowPacketIndex(db, flowId).index.length;
  await withRecords(db, flowId, 0, count, (rec, entry) => {
    decodePacket(rec, p);
    if (p.proto !== IPPROTO_TCP || !p.hasPorts || p.icmpError) return;
    const from = entry.fromDestination ? 'server' : 'client';
    const payload = rec.data.subarray(p.payloadOffset, p.payloadOffset + p.payloadLength);
    // Bytes the snaplen cut are a hole the reader cannot fill.
    if (p.payloadWireLength > p.payloadLength) sides[from].gaps++;
    emit(from, sides[from].push(p.tcpSeq, payload.slice(), (p.tcpFlags & TCP_SYN) !== 0));
  });
  emit('client', sides.client.flush());
  emit('server', sides.server.flush());
  return {
    client: `${flow.src_ip}:${flow.src_port}`,
    server: `${flow.dst_ip}:${flow.dst_port}`,
    chunks,
    clientBytes: sides.client.bytes,
    serverBytes: sides.server.bytes,
    truncated,
    gaps: sides.client.gaps + sides.server.gaps,
  };
}
