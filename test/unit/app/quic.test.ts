import { describe, expect, it } from 'vitest';
import { QuicInitialReader } from '../../../electron/dissect/app/quic';
import { QuicCryptoStream } from '../../../electron/dissect/app/quic-crypto-stream';
import { readInitialFrames } from '../../../electron/dissect/app/quic-frames';
import { QuicLongHeader, readLongHeader } from '../../../electron/dissect/app/quic-header';
import { quicInitialKeys } from '../../../electron/dissect/app/quic-keys';
import { decodePacketNumber, openLongHeaderPacket } from '../../../electron/dissect/app/quic-protection';
import { QUIC_V1, QUIC_V2, quicVersionInfo } from '../../../electron/dissect/app/quic-versions';
import { ja4 } from '../../../electron/dissect/fingerprints/ja4';

const hex = (s: string) => Uint8Array.from(Buffer.from(s.replace(/\s+/g, ''), 'hex'));
const toHex = (b: Uint8Array) => Buffer.from(b).toString('hex');

// RFC 9001 Appendix A: the client's Destination Connection ID of every example.
const DCID = hex('8394c8f03e515708');

// RFC 9001 Appendix A.2: the client Initial, protected (1200 bytes, padded).
const RFC9001_CLIENT_INITIAL = hex(`
  c000000001088394c8f03e5157080000449e7b9aec34d1b1c98dd7689fb8ec11
  d242b123dc9bd8bab936b47d92ec356c0bab7df5976d27cd449f63300099f399
  1c260ec4c60d17b31f8429157bb35a1282a643a8d2262cad67500cadb8e7378c
  8eb7539ec4d4905fed1bee1fc8aafba17c750e2c7ace01e6005f80fcb7df6212
  30c83711b39343fa028cea7f7fb5ff89eac2308249a02252155e2347b63d58c5
  457afd84d05dfffdb20392844ae812154682e9cf012f9021a6f0be17ddd0c208
  4dce25ff9b06cde535d0f920a2db1bf362c23e596d11a4f5a6cf3948838a3aec
  4e15daf8500a6ef69ec4e3feb6b1d98e610ac8b7ec3faf6ad760b7bad1db4ba3
  485e8a94dc250ae3fdb41ed15fb6a8e5eba0fc3dd60bc8e30c5c4287e53805db
  059ae0648db2f64264ed5e39be2e20d82df566da8dd5998ccabdae053060ae6c
  7b4378e846d29f37ed7b4ea9ec5d82e7961b7f25a9323851f681d582363aa5f8
  9937f5a67258bf63ad6f1a0b1d96dbd4faddfcefc5266ba6611722395c906556
  be52afe3f565636ad1b17d508b73d8743eeb524be22b3dcbc2c7468d54119c74
  68449a13d8e3b95811a198f3491de3e7fe942b330407abf82a4ed7c1b311663a
  c69890f4157015853d91e923037c227a33cdd5ec281ca3f79c44546b9d90ca00
  f064c99e3dd97911d39fe9c5d0b23a229a234cb36186c4819e8b9c5927726632
  291d6a418211cc2962e20fe47feb3edf330f2c603a9d48c0fcb5699dbfe58964
  25c5bac4aee82e57a85aaf4e2513e4f05796b07ba2ee47d80506f8d2c25e50fd
  14de71e6c418559302f939b0e1abd576f279c4b2e0feb85c1f28ff18f58891ff
  ef132eef2fa09346aee33c28eb130ff28f5b766953334113211996d20011a198
  e3fc433f9f2541010ae17c1bf202580f6047472fb36857fe843b19f5984009dd
  c324044e847a4f4a0ab34f719595de37252d6235365e9b84392b061085349d73
  203a4a13e96f5432ec0fd4a1ee65accdd5e3904df54c1da510b0ff20dcc0c77f
  cb2c0e0eb605cb0504db87632cf3d8b4dae6e705769d1de354270123cb11450e
  fc60ac47683d7b8d0f811365565fd98c4c8eb936bcab8d069fc33bd801b03ade
  a2e1fbc5aa463d08ca19896d2bf59a071b851e6c239052172f296bfb5e724047
  90a2181014f3b94a4e97d117b438130368cc39dbb2d198065ae3986547926cd2
  162f40a29f0c3c8745c0f50fba3852e566d44575c29d39a03f0cda721984b6f4
  40591f355e12d439ff150aab7613499dbd49adabc8676eef023b15b65bfc5ca0
  6948109f23f350db82123535eb8a7433bdabcb909271a6ecbcb58b936a88cd4e
  8f2e6ff5800175f113253d8fa9ca8885c2f552e657dc603f252e1a8e308f76f0
  be79e2fb8f5d5fbbe2e30ecadd220723c8c0aea8078cdfcb3868263ff8f09400
  54da48781893a7e49ad5aff4af300cd804a6b6279ab3ff3afb64491c85194aab
  760d58a606654f9f4400e8b38591356fbf6425aca26dc85244259ff2b19c41b9
  f96f3ca9ec1dde434da7d2d392b905ddf3d1f9af93d1af5950bd493f5aa731b4
  056df31bd267b6b90a079831aaf579be0a39013137aac6d404f518cfd4684064
  7e78bfe706ca4cf5e9c5453e9f7cfd2b8b4c8d169a44e55c88d4a9a7f9474241
  e221af44860018ab0856972e194cd934`);

// RFC 9001 Appendix A.3: the server Initial (ACK + CRYPTO with the ServerHello).
const RFC9001_SERVER_INITIAL = hex(`
  cf000000010008f067a5502a4262b5004075c0d95a482cd0991cd25b0aac406a
  5816b6394100f37a1c69797554780bb38cc5a99f5ede4cf73c3ec2493a1839b3
  dbcba3f6ea46c5b7684df3548e7ddeb9c3bf9c73cc3f3bded74b562bfb19fb84
  022f8ef4cdd93795d77d06edbb7aaf2f58891850abbdca3d20398c276456cbc4
  2158407dd074ee`);

// RFC 9369 Appendix A.3: the same server Initial protected as QUIC version 2.
const RFC9369_SERVER_INITIAL = hex(`
  dc6b3343cf0008f067a5502a4262b5004075d92faaf16f05d8a4398c47089698
  baeea26b91eb761d9b89237bbf87263017915358230035f7fd3945d88965cf17
  f9af6e16886c61bfc703106fbaf3cb4cfa52382dd16a393e42757507698075b2
  c984c707f0a0812d8cd5a6881eaf21ceda98f4bd23f6fe1a3e2c43edd9ce7ca8
  4bed8521e2e140`);

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
