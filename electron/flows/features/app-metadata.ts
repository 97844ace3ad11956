import type { PacketRecord } from '../../capture/packet-record';
import type { DecodedPacket } from '../../dissect/decoded-packet';
import { IPPROTO_TCP } from '../../dissect/tcp';
import { IPPROTO_UDP } from '../../dissect/udp';
import type { FlowFeature } from '../flow-feature';
import { columnOf, type RowWriter } from '../flow-row';
import type { FlowState } from '../flow-state';
import { AppKind, AppMetadataState } from './app-inspectors/app-state';
import { dhcpFinished, isDhcpPorts, readDhcpDatagram } from './app-inspectors/dhcp-inspector';
import { isDnsUdpPort, readDnsDatagram, type DnsAnswerSink } from './app-inspectors/dns-inspector';
import { isSsdpPort, readHttpDatagram } from './app-inspectors/http-inspector';
import { looksLikeQuicLongHeader, readQuicDatagram } from './app-inspectors/quic-inspector';
import { inspectTcpSegment, tcpFinished } from './app-inspectors/tcp-inspector';

export type { DnsAnswerSink } from './app-inspectors/dns-inspector';

export interface AppMetadataOptions {
  /** Called for every A/AAAA answer read from DNS responses (see DnsAnswerSink). */
  onDnsAnswer?: DnsAnswerSink;
  /** Payload-carrying packets read per direction before the flow is left alone (default 8). */
  maxPayloadPackets?: number;
}

const C = {
  sni: columnOf('sni'),
  alpn: columnOf('alpn'),
  alpnServer: columnOf('alpn_server'),
  tlsVersion: columnOf('tls_version'),
  tlsCipher: columnOf('tls_cipher'),
  ja3: columnOf('ja3'),
  ja3s: columnOf('ja3s'),
  ja4: columnOf('ja4'),
  quicVersion: columnOf('quic_version'),
  httpHost: columnOf('http_host'),
  httpMethod: columnOf('http_method'),
  httpUserAgent: columnOf('http_user_agent'),
  dnsQuery: columnOf('dns_query'),
  dnsQtype: columnOf('dns_qtype'),
  dnsRcode: columnOf('dns_rcode'),
  dhcpHostname: columnOf('dhcp_hostname'),
  dhcpClientMac: columnOf('dhcp_client_mac'),
};

/**
 * Application metadata from the first packets of each flow (nDPI/NFStream
 * style deep inspection, capped): TLS hellos and their fingerprints, QUIC
 * Initials, the first HTTP/1.x request (TCP, or SSDP over UDP), DNS questions
 * and answers, DHCP client identity. A flow is read until everything it can tell is known or
 * `maxPayloadPackets` payloads went by in each direction; after that, and for
 * packets without payload, a packet costs one branch and allocates nothing.
 */
export function appMetadata(opts: AppMetadataOptions = {}): FlowFeature<AppMetadataState> {
  const sink = opts.onDnsAnswer;
  const cap = opts.maxPayloadPackets ?? 8;
  return {
    name: 'app-metadata',
    create: () => new AppMetadataState(),
    init(s) {
      s.reset();
    },
    update(s, f: FlowState, p: DecodedPacket, rec: PacketRecord, ts, fwd) {
      if (s.done || p.payloadLength === 0 || !p.hasPorts) return;
      const seen = fwd ? ++s.fwdPayloads : ++s.bwdPayloads;
      if (seen > cap) {
        if (s.fwdPayloads > cap && s.bwdPayloads > cap) s.finish();
        return;
      }
      if (s.kind === AppKind.Unknown) s.kind = classify(f, p, rec.data);
      const d = rec.data;
      const off = p.payloadOffset;
      const len = p.payloadLength;
      switch (s.kind) {
        case AppKind.Tcp:
          inspectTcpSegment(s, p, d, fwd, ts, sink);
          if (tcpFinished(s)) s.finish();
          break;
        case AppKind.Dns:
          readDnsDatagram(s, d, off, len, ts, sink);
          break;
        case AppKind.Quic:
          readQuicDatagram(s, d, off, len, fwd);
          if (s.clientHelloSeen && s.serverHelloSeen) s.finish();
          break;
        case AppKind.Dhcp:
          readDhcpDatagram(s, d, off, len);
          if (dhcpFinished(s)) s.finish();
          break;
        case AppKind.HttpUdp:
          readHttpDatagram(s, d, off, len);
          if (s.httpMethod !== null) s.finish();
          break;
      }
      if (s.kind === AppKind.None) s.finish();
    },
    emit(s, _f, row: RowWriter) {
      row[C.sni] = s.sni;
      row[C.alpn] = s.alpn;
      row[C.alpnServer] = s.alpnServer;
      row[C.tlsVersion] = s.tlsVersion;
      row[C.tlsCipher] = s.tlsCipher;
      row[C.ja3] = s.ja3;
      row[C.ja3s] = s.ja3s;
      row[C.ja4] = s.ja4;
      row[C.quicVersion] = s.quicVersion;
      row[C.httpHost] = s.httpHost;
      row[C.httpMethod] = s.httpMethod;
      row[C.httpUserAgent] = s.httpUserAgent;
      row[C.dnsQuery] = s.dnsQuery;
      row[C.dnsQtype] = s.dnsQtype;
      row[C.dnsRcode] = s.dnsRcode;
      row[C.dhcpHostname] = s.dhcpHostname;
      row[C.dhcpClientMac] = s.dhcpClientMac;
    },
  };
}

/** Picks the reader from the transport, the ports and the first payload's first bytes. */
function classify(f: FlowState, p: DecodedPacket, d: Uint8Array): AppKind {
  if (f.proto === IPPROTO_TCP) return AppKind.Tcp;
  if (f.proto !== IPPROTO_UDP) return AppKind.None;
  if (isDhcpPorts(p.srcPort, p.dstPort)) return AppKind.Dhcp;
  if (isDnsUdpPort(p.srcPort) || isDnsUdpPort(p.dstPort)) return AppKind.Dns;
  if (isSsdpPort(p.srcPort) || isSsdpPort(p.dstPort)) return AppKind.HttpUdp;
  if (looksLikeQuicLongHeader(d, p.payloadOffset, p.payloadLength)) return AppKind.Quic;
  return AppKind.None;
}
