import { describe, expect, it } from 'vitest';
import { QuicInitialReader } from '../../../electron/dissect/app/quic';
import { QuicCryptoStream } from '../../../electron/dissect/app/quic-crypto-stream';
import { readInitialFrames } from '../../../electron/dissect/app/quic-frames';
import { QuicLongHeader, readLongHeader } from '../../../electron/dissect/app/quic-header';
import { quicInitialKeys } from '../../../electron/dissect/app/quic-keys';
import { decodePacketNumber, openLongHeaderPacket } from '../../../electron/dissect/app/quic-protection';
import { QUIC_V1, QUIC_V2, quicVersionInfo } from '../../../electron/dissect/app/quic-versions';
import { ja4 } from '../../../electron/dissect/fingerprints/ja4';
import { fromHex as hex } from '../../support/hex-dump';
import { RFC9001_CLIENT_INITIAL, RFC9001_SERVER_INITIAL, RFC9369_SERVER_INITIAL } from '../../support/quic-fixtures';
import { cryptoFrame, sealInitial } from '../../support/quic-seal';
import { clientHello } from '../../generators/app-payloads';

const toHex = (b: Uint8Array) => Buffer.from(b).toString('hex');

// RFC 9001 Appendix A: the client's Destination Connection ID of every example.
const DCID = hex('8394c8f03e515708');

describe('QUIC Initial keys', () => {
  it('derives the RFC 9001 Appendix A.1 keys for version 1', () => {
    const info = quicVersionInfo(QUIC_V1)!;
    const c = quicInitialKeys(info, DCID, false);
    expect([toHex(c.key), toHex(c.iv), toHex(c.hp)]).toEqual(['1f369613dd76d5467730efcbe3b1a22d', 'fa044b2f42a3fd3b46fb255c', '9f50449e04a0e810283a1e9933adedd2']);
    const s = quicInitialKeys(info, DCID, true);
    expect([toHex(s.key), toHex(s.iv), toHex(s.hp)]).toEqual(['cf3a5331653c364c88f0f379b6067e37', '0ac1493ca1905853b0bba03e', 'c206b8d9b9f0f37644430b490eeaa314']);
  });

  it('derives the RFC 9369 Appendix A.1 keys for version 2', () => {
    const info = quicVersionInfo(QUIC_V2)!;
    const c = quicInitialKeys(info, DCID, false);
    expect([toHex(c.key), toHex(c.iv), toHex(c.hp)]).toEqual(['8b1a0bc121284290a29e0971b5cd045d', '91f73e2351d8fa91660e909f', '45b95e15235d6f45a6b19cbcb0294ba9']);
    const s = quicInitialKeys(info, DCID, true);
    expect([toHex(s.key), toHex(s.iv), toHex(s.hp)]).toEqual(['82db637861d55e1d011f19ea71d5d2a7', 'dd13c276499c0249d3310652', 'edf6d05c83121201b436e16877593c3a']);
  });
});

describe('QUIC Initial packets', () => {
  it('reads the long header of the RFC 9001 client Initial', () => {
    const h = new QuicLongHeader();
    expect(readLongHeader(RFC9001_CLIENT_INITIAL, 0, RFC9001_CLIENT_INITIAL.length, h)).toBe(true);
    expect([h.version, h.isInitial, h.dcidLength, h.scidLength, h.pnOffset, h.end]).toEqual([1, true, 8, 0, 18, 1200]);
  });

  it('opens the RFC 9001 client Initial: packet number 2, a CRYPTO frame with the ClientHello', () => {
    const keys = quicInitialKeys(quicVersionInfo(QUIC_V1)!, DCID, false);
    const opened = openLongHeaderPacket(RFC9001_CLIENT_INITIAL, 0, 18, 1200, keys, -1)!;
    expect(opened.packetNumber).toBe(2);
    // RFC 9001 A.2: "060040f1010000ed0303ebf8fa56f129…", then PADDING to 1162 bytes.
    expect(toHex(opened.payload.subarray(0, 16))).toBe('060040f1010000ed0303ebf8fa56f129');
    expect(opened.payload.length).toBe(1200 - 18 - 4 - 16);
    const s = new QuicCryptoStream();
    expect(readInitialFrames(opened.payload, s)).toBe(1);
    expect(s.prefix).toBe(0xf1);
  });

  it('rejects a packet whose tag does not verify (one flipped byte)', () => {
    const keys = quicInitialKeys(quicVersionInfo(QUIC_V1)!, DCID, false);
    const bad = Uint8Array.from(RFC9001_CLIENT_INITIAL);
    bad[600] ^= 1;
    expect(openLongHeaderPacket(bad, 0, 18, 1200, keys, -1)).toBeNull();
    expect(openLongHeaderPacket(RFC9001_CLIENT_INITIAL, 0, 18, 40, keys, -1)).toBeNull();
  });

  it('reads SNI, ALPN, JA4 (q) from the client and the cipher from the server (v1)', () => {
    const r = new QuicInitialReader();
    expect(r.push(RFC9001_CLIENT_INITIAL, 0, RFC9001_CLIENT_INITIAL.length, true)).toBe(true);
    expect(r.version).toBe(1);
    const ch = r.clientHello!;
    expect(ch.sni).toBe('example.com');
    expect(ch.alpn).toEqual(['alpn']);
    expect(ch.cipherSuites).toEqual([0x1301, 0x1302]);
    expect(ch.supportedVersions).toEqual([0x0304]);
    // server_name, renegotiation_info, supported_groups, ALPN, status_request, key_share,
    // supported_versions, signature_algorithms, psk_key_exchange_modes, record_size_limit, transport parameters.
    expect(ch.extensions).toEqual([0, 0xff01, 10, 16, 5, 51, 43, 13, 45, 28, 57]);
    expect(ja4(ch, 'q').slice(0, 10)).toBe('q13d0211an');
    expect(r.push(RFC9001_SERVER_INITIAL, 0, RFC9001_SERVER_INITIAL.length, false)).toBe(true);
    expect(r.serverHello).toMatchObject({ cipherSuite: 0x1301, selectedVersion: 0x0304, extensions: [51, 43] });
    expect(r.finished).toBe(true);
  });

  it('opens a version 2 server Initial (RFC 9369 salt, labels and type bits)', () => {
    const h = new QuicLongHeader();
    expect(readLongHeader(RFC9369_SERVER_INITIAL, 0, RFC9369_SERVER_INITIAL.length, h)).toBe(true);
    expect([h.version, h.type, h.isInitial]).toEqual([QUIC_V2, 1, true]);
    const keys = quicInitialKeys(quicVersionInfo(QUIC_V2)!, DCID, true);
    const opened = openLongHeaderPacket(RFC9369_SERVER_INITIAL, 0, h.pnOffset, h.end, keys, -1)!;
    expect(opened.packetNumber).toBe(1);
    // The same frames as RFC 9001 A.3: ACK, then CRYPTO with the ServerHello.
    expect(toHex(opened.payload.subarray(0, 8))).toBe('0200000000060040');
    // Without a client Initial the reader has no keys, so it reads nothing (and does not fail).
    const r = new QuicInitialReader();
    expect(r.push(RFC9369_SERVER_INITIAL, 0, RFC9369_SERVER_INITIAL.length, false)).toBe(true);
    expect([r.version, r.serverHello]).toEqual([QUIC_V2, null]);
  });

  it('reads packets coalesced in one datagram and stops at a short header', () => {
    const datagram = new Uint8Array(RFC9001_SERVER_INITIAL.length + 30);
    datagram.set(RFC9001_SERVER_INITIAL);
    datagram[RFC9001_SERVER_INITIAL.length] = 0x40; // a 1-RTT packet follows
    const r = new QuicInitialReader();
    r.push(RFC9001_CLIENT_INITIAL, 0, RFC9001_CLIENT_INITIAL.length, true);
    expect(r.push(datagram, 0, datagram.length, false)).toBe(true);
    expect(r.serverHello?.cipherSuite).toBe(0x1301);
  });

  it('joins a ClientHello split over Initials sent out of order, two of them coalesced in one datagram', () => {
    const record = clientHello({ sni: 'split.quic.example', alpn: ['h3'], ciphers: [0x1301, 0x1302, 0x1303], random: new Uint8Array(32).fill(4), tls13: true });
    const hello = record.subarray(5); // QUIC carries handshake messages without TLS records (RFC 9001 §4.1)
    const keys = quicInitialKeys(quicVersionInfo(QUIC_V1)!, DCID, false);
    const scid = hex('c0ffee');
    const a = sealInitial(keys, DCID, scid, 0, cryptoFrame(120, hello.subarray(120)));
    const b = sealInitial(keys, DCID, scid, 1, cryptoFrame(0, hello.subarray(0, 60)), 200);
    const c = sealInitial(keys, DCID, scid, 2, Uint8Array.from([0x01, ...cryptoFrame(50, hello.subarray(50, 130))]), 200);
    const r = new QuicInitialReader();
    r.push(a, 0, a.length, true);
    expect(r.clientHello).toBeNull();
    const datagram = Uint8Array.from([...b, ...c]);
    expect(r.push(datagram, 0, datagram.length, true)).toBe(true);
    expect(r.clientHello).toMatchObject({ sni: 'split.quic.example', alpn: ['h3'], cipherSuites: [0x1301, 0x1302, 0x1303] });
  });

  it('derives new keys from a Retry (RFC 9001 A.4): the old server Initial no longer opens', () => {
    const retry = hex('ff000000010008f067a5502a4262b5746f6b656e04a265ba2eff4d829058fb3f0f2496ba');
    const h = new QuicLongHeader();
    expect(readLongHeader(retry, 0, retry.length, h)).toBe(true);
    expect([h.isRetry, h.scidLength]).toEqual([true, 8]);
    const r = new QuicInitialReader();
    r.push(RFC9001_CLIENT_INITIAL, 0, RFC9001_CLIENT_INITIAL.length, true);
    r.push(retry, 0, retry.length, false);
    r.push(RFC9001_SERVER_INITIAL, 0, RFC9001_SERVER_INITIAL.length, false);
    expect(r.serverHello).toBeNull();
    expect(r.clientHello?.sni).toBe('example.com');
  });

  it('ignores short headers, unknown versions and garbage without throwing', () => {
    const r = new QuicInitialReader();
    expect(r.push(hex('4001020304'), 0, 5, true)).toBe(false);
    expect(r.push(hex('c0faceb00308'), 0, 6, true)).toBe(false);
    const cut = RFC9001_CLIENT_INITIAL.subarray(0, 700);
    expect(r.push(cut, 0, cut.length, true)).toBe(false);
    for (let i = 0; i < 200; i++) {
      const junk = Uint8Array.from({ length: 64 }, (_, k) => (k * 37 + i * 11) & 255);
      junk[0] |= 0xc0;
      junk.set([0, 0, 0, 1], 1);
      expect(() => r.push(junk, 0, junk.length, true)).not.toThrow();
    }
  });

  it('decodes truncated packet numbers (RFC 9000 Appendix A.3 example)', () => {
    expect(decodePacketNumber(0xa82f30ea, 0x9b32, 16)).toBe(0xa82f9b32);
    expect(decodePacketNumber(-1, 2, 8)).toBe(2);
  });
});

describe('QUIC CRYPTO reassembly', () => {
  it('joins out-of-order, overlapping frames into a prefix', () => {
    const s = new QuicCryptoStream();
    const data = Uint8Array.from({ length: 100 }, (_, i) => i);
    s.add(50, data, 50, 50);
    expect(s.prefix).toBe(0);
    s.add(10, data, 10, 45);
    s.add(0, data, 0, 12);
    expect(s.prefix).toBe(100);
    expect(Array.from(s.bytes!.subarray(0, 100))).toEqual(Array.from(data));
  });
});
