import { describe, expect, it } from 'vitest';
import { PacketRecord } from '../../electron/capture/packet-record';
import { appMetadata, type AppMetadataOptions } from '../../electron/flows/features/app-metadata';
import { defaultFeatures, defaultSignatures } from '../../electron/flows/features';
import { NameMap } from '../../electron/flows/name-map';
import { linkEndpoints } from '../../electron/flows/features/link-endpoints';
import { FlowEngine, defaultEngineOptions } from '../../electron/flows/flow-engine';
import { flowFieldNames } from '../../shared/fields';
import { clientHello, dnsQuery, dnsResponse, httpGet, serverHello } from '../generators/app-payloads';
import { ACK, FrameBuilder, PSH, SYN, ipv4, mac, type Endpoint } from '../generators/frame-builder';
import { RFC9001_CLIENT_INITIAL, RFC9001_SERVER_INITIAL } from '../support/quic-fixtures';

const client: Endpoint = { ip: ipv4('10.0.0.2'), mac: mac(2) };
const server: Endpoint = { ip: ipv4('93.184.216.34'), mac: mac(9) };

/** Feeds frames built by `script` through an engine with the app-metadata feature; returns the flow rows. */
function run(script: (send: (len: number) => void, fb: FrameBuilder) => void, opts: AppMetadataOptions = {}): Record<string, unknown>[] {
  const engine = new FlowEngine(defaultEngineOptions, [linkEndpoints, appMetadata(opts)]);
  const fb = new FrameBuilder();
  const rec = new PacketRecord();
  let t = 1_700_000_000;
  script((len) => {
    rec.data = fb.buf.slice(0, len);
    rec.offset = 0;
    rec.caplen = rec.wirelen = len;
    rec.tsSec = t++;
    rec.tsNsec = 0;
    rec.linkType = 1;
    engine.onPacket(rec);
  }, fb);
  engine.finishAll();
  return engine.takeFinished().map((f) => {
    const row = engine.toRow(f);
    return Object.fromEntries(flowFieldNames.map((n, i) => [n, row[i]]));
  });
}

describe('app-metadata feature', () => {
  it('is in the default feature list, before the features that read its columns', () => {
    const names = defaultFeatures({ names: new NameMap(), signatures: defaultSignatures() }).map((f) => f.name);
    expect(names).toContain('app-metadata');
    expect(names.indexOf('app-metadata')).toBeLessThan(names.indexOf('endpoint-names'));
    expect(names.indexOf('app-metadata')).toBeLessThan(names.indexOf('app-identity'));
  });

  it('reads a TLS handshake split over segments, with a retransmission, in both directions', () => {
    const hello = clientHello({ sni: 'www.example.com', alpn: ['h2', 'http/1.1'], ciphers: [0x1301, 0xc02f], grease: 0x0a0a, random: new Uint8Array(32).fill(1), tls13: true });
    const reply = serverHello(0x1301, new Uint8Array(32).fill(2), null, true);
    const [row] = run((send, fb) => {
      send(fb.tcp(client, server, 50000, 443, 100, 0, SYN, 64240));
      send(fb.tcp(server, client, 443, 50000, 900, 101, SYN | ACK, 65535));
      send(fb.tcp(client, server, 50000, 443, 101, 901, ACK, 502));
      send(fb.tcp(client, server, 50000, 443, 101, 901, ACK, 502, hello.subarray(0, 100)));
      send(fb.tcp(client, server, 50000, 443, 101, 901, ACK, 502, hello.subarray(0, 100)));
      send(fb.tcp(client, server, 50000, 443, 201, 901, PSH | ACK, 502, hello.subarray(100)));
      send(fb.tcp(server, client, 443, 50000, 901, 101 + hello.length, PSH | ACK, 501, reply));
    });
    expect(row).toMatchObject({
      sni: 'www.example.com',
      alpn: 'h2,http/1.1',
      alpn_server: null,
      tls_version: 'TLS 1.3',
      tls_cipher: '0x1301',
      quic_version: null,
      http_host: null,
      dns_query: null,
    });
    expect(row.ja3).toMatch(/^[0-9a-f]{32}$/);
    expect(row.ja3s).toMatch(/^[0-9a-f]{32}$/);
    // 2 ciphers and 9 extensions once GREASE is left out.
    expect(row.ja4).toMatch(/^t13d0209h2_[0-9a-f]{12}_[0-9a-f]{12}$/);
  });

  it('reads the first HTTP request', () => {
    const [row] = run((send, fb) => {
      send(fb.tcp(client, server, 50001, 80, 1, 1, PSH | ACK, 502, httpGet('example.com', '/a', 'curl/8.1')));
      send(fb.tcp(client, server, 50001, 80, 60, 1, PSH | ACK, 502, httpGet('second.example', '/b', 'other')));
    });
    expect(row).toMatchObject({ http_method: 'GET', http_host: 'example.com', http_user_agent: 'curl/8.1', sni: null });
  });

  it('reads DNS questions and rcode, and hands every address record to the sink', () => {
    const seen: unknown[] = [];
    const [row] = run(
      (send, fb) => {
        send(fb.udp(client, server, 40000, 53, dnsQuery(7, 'www.example.com', 1)));
        send(fb.udp(server, client, 53, 40000, dnsResponse(7, 'www.example.com', 1, [Uint8Array.of(93, 184, 216, 34), Uint8Array.of(1, 2, 3, 4)])));
      },
      { onDnsAnswer: (address, name, ts, query) => seen.push([address, name, ts, query]) },
    );
    expect(row).toMatchObject({ dns_query: 'www.example.com', dns_qtype: 1, dns_rcode: 0 });
    expect(seen).toEqual([
      // Engine time: seconds since the capture's first packet.
      ['93.184.216.34', 'www.example.com', 1, 'www.example.com'],
      ['1.2.3.4', 'www.example.com', 1, 'www.example.com'],
    ]);
  });

  it('decrypts QUIC Initials: SNI, ALPN, JA4 with q, version, and the server cipher', () => {
    const [row] = run((send, fb) => {
      send(fb.udp(client, server, 51000, 443, RFC9001_CLIENT_INITIAL));
      send(fb.udp(server, client, 443, 51000, RFC9001_SERVER_INITIAL));
    });
    expect(row).toMatchObject({ sni: 'example.com', alpn: 'alpn', quic_version: '0x00000001', tls_version: 'TLS 1.3', tls_cipher: '0x1301' });
    expect(row.ja4).toMatch(/^q13d0211an_/);
  });

  it('stops after the cap: a request after 8 payload packets per direction is not read', () => {
    const seen: string[] = [];
    const [row] = run(
      (send, fb) => {
        for (let i = 0; i < 10; i++) {
          send(fb.udp(client, server, 40001, 53, dnsQuery(i, `q${i}.example`, 1)));
          send(fb.udp(server, client, 53, 40001, dnsResponse(i, `q${i}.example`, 1, [Uint8Array.of(10, 0, 0, i)])));
        }
      },
      { onDnsAnswer: (address) => seen.push(address), maxPayloadPackets: 8 },
    );
    expect(row.dns_query).toBe('q0.example');
    expect(seen).toEqual(['10.0.0.0', '10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4', '10.0.0.5', '10.0.0.6', '10.0.0.7']);
  });

  it('gives up on a TCP flow whose first payloads are neither TLS nor HTTP', () => {
    const [row] = run((send, fb) => {
      send(fb.tcp(client, server, 50002, 22, 1, 1, PSH | ACK, 502, new TextEncoder().encode('SSH-2.0-OpenSSH_9.6\r\n')));
      send(fb.tcp(server, client, 22, 50002, 1, 22, PSH | ACK, 502, new TextEncoder().encode('SSH-2.0-OpenSSH_9.6\r\n')));
      send(fb.tcp(client, server, 50002, 22, 22, 22, PSH | ACK, 502, httpGet('late.example', '/', 'x')));
    });
    expect(row.http_host).toBeNull();
  });

  it('resets its state when a pooled flow object is reused', () => {
    const engine = new FlowEngine(defaultEngineOptions, [appMetadata()]);
    const fb = new FrameBuilder();
    const rec = new PacketRecord();
    const send = (len: number, t: number) => {
      rec.data = fb.buf.slice(0, len);
      rec.caplen = rec.wirelen = len;
      rec.tsSec = t;
      rec.linkType = 1;
      engine.onPacket(rec);
    };
    send(fb.tcp(client, server, 50003, 80, 1, 1, PSH | ACK, 502, httpGet('first.example', '/', 'a')), 1);
    engine.finishAll();
    engine.release(engine.takeFinished());
    send(fb.tcp(client, server, 50004, 443, 1, 1, ACK, 502), 2);
    engine.finishAll();
    const [f] = engine.takeFinished();
    const row = engine.toRow(f);
    expect(row.filter((v) => v === 'first.example')).toEqual([]);
  });
});
