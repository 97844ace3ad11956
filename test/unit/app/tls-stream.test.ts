import { describe, expect, it } from 'vitest';
import { TcpPrefix } from '../../../electron/dissect/app/tcp-prefix';
import { parseClientHello } from '../../../electron/dissect/app/tls';
import { firstHandshakeMessage } from '../../../electron/dissect/app/tls-records';
import { TLS_STREAM_CAP, TlsHandshakeStream, TlsStreamStatus } from '../../../electron/dissect/app/tls-stream';
import { clientHello } from '../../generators/app-payloads';

const HELLO = clientHello({ sni: 'split.example', alpn: ['h2'], ciphers: [0x1301, 0x1302, 0xc02b], random: new Uint8Array(32).fill(9), tls13: true });

/** The same handshake message cut into records of at most `size` bytes. */
function fragmentRecords(record: Uint8Array, size: number): Uint8Array {
  const body = record.subarray(5);
  const out: number[] = [];
  for (let o = 0; o < body.length; o += size) {
    const part = body.subarray(o, Math.min(o + size, body.length));
    out.push(22, 3, 1, part.length >> 8, part.length & 255, ...part);
  }
  return Uint8Array.from(out);
}

function sniOf(s: TlsHandshakeStream): string | null {
  const m = s.message!;
  return parseClientHello(m.data, m.offset, m.length)?.sni ?? null;
}

describe('TLS record layer', () => {
  it('finds a message in one record without copying it', () => {
    const scan = firstHandshakeMessage(HELLO, 0, HELLO.length, TLS_STREAM_CAP);
    expect(scan).toMatchObject({ data: HELLO, offset: 5, length: HELLO.length - 5 });
  });

  it('joins a message fragmented over many records (RFC 8446 §5.1)', () => {
    const frag = fragmentRecords(HELLO, 7);
    const scan = firstHandshakeMessage(frag, 0, frag.length, TLS_STREAM_CAP);
    expect(scan).not.toBe('more');
    const m = scan as Exclude<typeof scan, 'more' | null>;
    expect(Array.from(m.data.subarray(m.offset, m.offset + m.length))).toEqual(Array.from(HELLO.subarray(5)));
    expect(firstHandshakeMessage(frag, 0, frag.length - 3, TLS_STREAM_CAP)).toBe('more');
  });

  it('skips a warning alert before the ServerHello, refuses application data and non-TLS', () => {
    const alert = [21, 3, 3, 0, 2, 1, 112]; // warning, unrecognized_name (RFC 6066 §3)
    const withAlert = Uint8Array.from([...alert, ...HELLO]);
    expect(firstHandshakeMessage(withAlert, 0, withAlert.length, TLS_STREAM_CAP)).toMatchObject({ offset: 12 });
    expect(firstHandshakeMessage(Uint8Array.from([23, 3, 3, 0, 1, 0]), 0, 6, TLS_STREAM_CAP)).toBeNull();
    expect(firstHandshakeMessage(new TextEncoder().encode('GET / HTTP/1.1\r\n'), 0, 16, TLS_STREAM_CAP)).toBeNull();
    expect(firstHandshakeMessage(HELLO, 0, 3, TLS_STREAM_CAP)).toBe('more');
  });
});

describe('TLS handshake stream over TCP segments', () => {
  it('reassembles a hello across segments, ignoring retransmitted and overlapping bytes', () => {
    const s = new TlsHandshakeStream();
    const seq = 1000;
    expect(s.push(seq, HELLO, 0, 40)).toBe(TlsStreamStatus.More);
    expect(s.push(seq, HELLO, 0, 40)).toBe(TlsStreamStatus.More); // retransmission
    expect(s.push(seq + 30, HELLO, 30, 50)).toBe(TlsStreamStatus.More); // overlaps 10 bytes
    expect(s.push(seq + 80, HELLO, 80, HELLO.length - 80)).toBe(TlsStreamStatus.Done);
    expect(sniOf(s)).toBe('split.example');
  });

  it('handles sequence numbers wrapping at 2^32', () => {
    const s = new TlsHandshakeStream();
    const seq = 0xffffffff - 20;
    s.push(seq, HELLO, 0, 50);
    expect(s.push((seq + 50) >>> 0, HELLO, 50, HELLO.length - 50)).toBe(TlsStreamStatus.Done);
    expect(sniOf(s)).toBe('split.example');
  });

  it('gives up on a gap, on non-TLS bytes and past the cap', () => {
    const gap = new TlsHandshakeStream();
    gap.push(1, HELLO, 0, 40);
    expect(gap.push(61, HELLO, 60, 40)).toBe(TlsStreamStatus.Failed);
    const http = new TlsHandshakeStream();
    expect(http.push(1, new TextEncoder().encode('GET / HTTP/1.1\r\n\r\n'), 0, 18)).toBe(TlsStreamStatus.Failed);
    // A handshake header announcing 64 KB: more than the stream keeps.
    const huge = new TlsHandshakeStream();
    expect(huge.push(1, Uint8Array.from([22, 3, 1, 0x40, 0, 1, 1, 0, 0]), 0, 9)).toBe(TlsStreamStatus.Failed);
  });

  it('is reusable after reset', () => {
    const s = new TlsHandshakeStream();
    s.push(5, HELLO, 0, HELLO.length);
    s.reset();
    expect(s.status).toBe(TlsStreamStatus.More);
    expect(s.push(77, HELLO, 0, HELLO.length)).toBe(TlsStreamStatus.Done);
  });
});

describe('TCP prefix', () => {
  it('offers the first segment without copying, copies only when kept', () => {
    const p = new TcpPrefix(64);
    const a = Uint8Array.from({ length: 10 }, (_, i) => i);
    expect(p.push(100, a, 2, 5)).toBe(true);
    expect([p.view === a, p.viewOffset, p.viewLength]).toEqual([true, 2, 5]);
    p.retain();
    expect(p.view === a).toBe(false);
    const b = Uint8Array.from({ length: 10 }, (_, i) => 100 + i);
    expect(p.push(105, b, 0, 3)).toBe(true);
    expect(Array.from(p.view.subarray(p.viewOffset, p.viewOffset + p.viewLength))).toEqual([2, 3, 4, 5, 6, 100, 101, 102]);
    expect(p.push(90, b, 0, 10)).toBe(false); // entirely old bytes
    expect(p.push(200, b, 0, 3)).toBe(false); // gap
    expect(p.failed).toBe(true);
  });

  it('fails when a borrowed segment was neither kept nor released', () => {
    const p = new TcpPrefix(64);
    p.push(1, new Uint8Array(4), 0, 4);
    expect(p.push(5, new Uint8Array(4), 0, 4)).toBe(false);
    expect(p.failed).toBe(true);
  });
});
