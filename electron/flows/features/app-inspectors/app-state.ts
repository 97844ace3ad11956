import type { HttpHeadStream } from '../../../dissect/app/http-stream';
import type { QuicInitialReader } from '../../../dissect/app/quic';
import type { TlsHandshakeStream } from '../../../dissect/app/tls-stream';

/** What a flow's first packets are being read as. */
export const AppKind = {
  /** Not decided yet: no payload seen. */
  Unknown: 0,
  /** TCP: each direction is sniffed for TLS records or an HTTP head. */
  Tcp: 1,
  Dns: 2,
  Quic: 3,
  Dhcp: 4,
  /** HTTP over UDP: SSDP. */
  HttpUdp: 5,
  /** Nothing to learn (unknown UDP payload, other protocols). */
  None: 6,
} as const;
export type AppKind = (typeof AppKind)[keyof typeof AppKind];

/** Per-direction reading of a TCP payload stream. */
export const TcpDirKind = { Unknown: 0, Tls: 1, Http: 2, DnsTcp: 3, None: 4 } as const;
export type TcpDirKind = (typeof TcpDirKind)[keyof typeof TcpDirKind];

/**
 * One flow's application metadata while it is read, and the readers that
 * produce it. Created once per pooled flow object; the readers are created the
 * first time a flow needs them and reused (reset) by later flows.
 */
export class AppMetadataState {
  kind: AppKind = AppKind.Unknown;
  /** Set once nothing more will be learnt: later packets cost one branch. */
  done = false;
  fwdPayloads = 0;
  bwdPayloads = 0;

  // TCP: how each direction is read, and where the next DNS-over-TCP message starts (-1 unknown).
  fwdTcp: TcpDirKind = TcpDirKind.Unknown;
  bwdTcp: TcpDirKind = TcpDirKind.Unknown;
  fwdDnsNextSeq = -1;
  bwdDnsNextSeq = -1;
  fwdTls: TlsHandshakeStream | null = null;
  bwdTls: TlsHandshakeStream | null = null;
  /** The request head of whichever direction opened with an HTTP request. */
  http: HttpHeadStream | null = null;
  quic: QuicInitialReader | null = null;

  // The columns (see shared/fields/application.ts).
  sni: string | null = null;
  alpn: string | null = null;
  alpnServer: string | null = null;
  tlsVersion: string | null = null;
  tlsCipher: string | null = null;
  ja3: string | null = null;
  ja3s: string | null = null;
  ja4: string | null = null;
  quicVersion: string | null = null;
  httpHost: string | null = null;
  httpMethod: string | null = null;
  httpUserAgent: string | null = null;
  dnsQuery: string | null = null;
  dnsQtype: number | null = null;
  dnsRcode: number | null = null;
  dhcpHostname: string | null = null;
  dhcpClientMac: string | null = null;

  /** The client and server hellos were read (TLS over TCP or QUIC). */
  clientHelloSeen = false;
  serverHelloSeen = false;

  /** Nothing more to learn: later packets cost one branch, and the readers' buffers are dropped. */
  finish(): void {
    this.done = true;
    this.fwdTls?.reset();
    this.bwdTls?.reset();
    this.http?.reset();
    this.quic?.reset();
  }

  reset(): void {
    this.kind = AppKind.Unknown;
    this.done = false;
    this.fwdPayloads = this.bwdPayloads = 0;
    this.fwdTcp = this.bwdTcp = TcpDirKind.Unknown;
    this.fwdDnsNextSeq = this.bwdDnsNextSeq = -1;
    this.fwdTls?.reset();
    this.bwdTls?.reset();
    this.http?.reset();
    this.quic?.reset();
    this.sni = this.alpn = this.alpnServer = this.tlsVersion = this.tlsCipher = null;
    this.ja3 = this.ja3s = this.ja4 = this.quicVersion = null;
    this.httpHost = this.httpMethod = this.httpUserAgent = null;
    this.dnsQuery = null;
    this.dnsQtype = this.dnsRcode = null;
    this.dhcpHostname = this.dhcpClientMac = null;
    this.clientHelloSeen = this.serverHelloSeen = false;
  }
}
