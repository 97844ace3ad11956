import { describe, expect, it } from 'vitest';
import { parseClientHello, parseServerHello, type ServerHello } from '../../../electron/dissect/app/tls';
import { ja3, ja3s } from '../../../electron/dissect/fingerprints/ja3';
import { clientHello } from '../../generators/app-payloads';
import { RFC9001_SERVER_HELLO, TLS11_CLIENT_HELLO_PACKET, TLS11_RECORD } from '../../support/tls-fixtures';

describe('JA3', () => {
  it('matches tshark 4.0 (tls.handshake.ja3_full / ja3) on the tls1_1.pcap ClientHello', () => {
    const d = TLS11_CLIENT_HELLO_PACKET;
    const ch = parseClientHello(d, TLS11_RECORD + 5, d.length - TLS11_RECORD - 5)!;
    expect(ja3(ch)).toEqual({
      text:
        '770,49172-49162-57-56-55-54-136-135-134-133-49167-49157-53-132-49171-49161-51-50-49-48-154-153-152-151-69-68-67-66-49166-49156-47-150-65-7-49169-49159-49164-49154-5-4-49170-49160-22-19-16-13-49165-49155-10-255,' +
        '11-10-35-15,23-25-28-27-24-26-22-14-13-11-12-9-10,0-1-2',
      hash: '5eb6e1fe80f696450a62a48bb3d6a965',
    });
  });

  it('leaves GREASE out of ciphers, extensions and groups (RFC 8701)', () => {
    const base = { sni: 'a.example', alpn: ['h2'], ciphers: [0x1301, 0xc02f], random: new Uint8Array(32), tls13: true };
    const plain = clientHello(base);
    const greased = clientHello({ ...base, grease: 0xdada });
    const a = ja3(parseClientHello(plain, 5, plain.length - 5)!);
    const b = ja3(parseClientHello(greased, 5, greased.length - 5)!);
    expect(a).toEqual(b);
    expect(a.text).toBe('771,4865-49199,0-23-65281-10-11-16-13-43-51,29-23-24,0');
  });
});

describe('JA3S', () => {
  it('reads version, cipher and extensions of the RFC 9001 ServerHello', () => {
    const sh = parseServerHello(RFC9001_SERVER_HELLO, 0, RFC9001_SERVER_HELLO.length)!;
    expect(ja3s(sh)).toEqual({ text: '771,4865,51-43', hash: 'eb1d94daa7e0344597e756a1fb6e7054' });
  });

  it('matches tshark 4.0 (tls.handshake.ja3s) on the tls1_1.pcap ServerHello', () => {
    const sh: ServerHello = { legacyVersion: 0x0302, selectedVersion: 0, cipherSuite: 0xc013, extensions: [65281, 35, 11], alpn: null, truncated: false };
    expect(ja3s(sh)).toEqual({ text: '770,49171,65281-35-11', hash: 'b5237e0430ad71aac52aa90b6627cb5f' });
  });
});
