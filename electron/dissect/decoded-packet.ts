/**
 * The dissection result of one packet. One instance is reused for every packet
 * (gopacket's DecodingLayerParser idea): decoders overwrite its fields and never
 * allocate. Addresses are kept as 32-bit words: IPv4 uses `src0`/`dst0` only.
 * When a packet is tunnelled (GRE, VXLAN…), inner layers overwrite outer ones:
 * the innermost flow is the packet's flow.
 */
export class DecodedPacket {
  /** Link type the frame was decoded as. */
  linkType = 0;
  /** Offset of the innermost Ethernet header within the record's bytes, -1 when none. */
  macOffset = -1;
  /** 802.1Q/802.1ad VLAN id of the innermost tag, 0 when untagged. */
  vlan = 0;
  /** Encapsulation the innermost IP was found in ('' when none). */
  tunnel = '';
  /** 4 or 6; 0 when no IP layer was found. */
  ipVersion = 0;
  src0 = 0; src1 = 0; src2 = 0; src3 = 0;
  dst0 = 0; dst1 = 0; dst2 = 0; dst3 = 0;
  /** IP protocol number of the transport (after IPv6 extension headers). */
  proto = 0;
  ttl = 0;
  /** Offset of the IP header within the record's bytes. */
  ipOffset = 0;
  /** IP header length including IPv4 options or IPv6 extension headers. */
  ipHeaderLength = 0;
  /** Length of the IP packet per its header (excludes Ethernet padding). */
  ipTotalLength = 0;
  /** IPv4 identification or IPv6 fragment identification. */
  ipId = 0;
  /** Fragment offset in bytes; `moreFragments` is the MF flag. */
  fragOffset = 0;
  moreFragments = false;
  /**
   * The outermost fragmented IP layer's datagram, or `datagramVersion` 0 when no
   * layer is a fragment. A tunnel's later fragments carry only that outer
   * layer, so the engine attributes them to the inner flow by this identity.
   */
  datagramVersion = 0;
  datagramSrc0 = 0; datagramSrc1 = 0; datagramSrc2 = 0; datagramSrc3 = 0;
  datagramDst0 = 0; datagramDst1 = 0; datagramDst2 = 0; datagramDst3 = 0;
  datagramProto = 0;
  datagramId = 0;
  datagramOffset = 0;
  datagramMore = false;
  /** Set when the transport header was decoded (not a non-first fragment, not truncated). */
  hasPorts = false;
  srcPort = 0;
  dstPort = 0;
  /** Offset of the transport header within the record's bytes. */
  l4Offset = 0;
  tcpFlags = 0;
  tcpSeq = 0;
  tcpAck = 0;
  tcpWindow = 0;
  tcpHeaderLength = 0;
  /** TCP options (-1 / false when absent). */
  tcpMss = -1;
  tcpWindowScale = -1;
  tcpSackPermitted = false;
  tcpHasTimestamp = false;
  tcpTsVal = 0;
  tcpTsEcr = 0;
  /** SACK blocks of this segment: edges in `tcpSackLeft/Right[0..tcpSackCount)`. */
  tcpSackCount = 0;
  readonly tcpSackLeft = new Float64Array(4);
  readonly tcpSackRight = new Float64Array(4);
  icmpType = 0;
  icmpCode = 0;
  /** An ICMP error quoting another packet: the flow fields describe the quoted (inner) flow. */
  icmpError = false;
  /** Application payload within the record's bytes; length counts only captured bytes. */
  payloadOffset = 0;
  payloadLength = 0;
  /** Payload length per the headers, even if the snaplen cut it. */
  payloadWireLength = 0;
  /** A header was cut short by the snaplen or is malformed; decoding stopped there. */
  truncated = false;
  /** Why the packet has no flow (non-IP, unknown link type...), or '' when it has one. */
  skipReason = '';
  /**
   * End of the current layer on the wire (Wireshark's "reported length"): the
   * record's original length, shortened by a layer that states its own length
   * (PPPoE, 802.3, MACsec). An IP header claiming more is cut to it.
   */
  wireEnd = 0;
  /** `wireEnd` past anything in the record: a first fragment's datagram goes on in later frames. */
  static readonly UNBOUNDED = 0x3fffffff;
  /** Headers dispatched so far in this frame (bounded by MAX_NESTING). */
  depth = 0;

  reset(linkType: number): void {
    this.linkType = linkType;
    this.macOffset = -1;
    this.vlan = 0;
    this.tunnel = '';
    this.ipVersion = 0;
    this.src0 = this.src1 = this.src2 = this.src3 = 0;
    this.dst0 = this.dst1 = this.dst2 = this.dst3 = 0;
    this.proto = 0;
    this.ipHeaderLength = 0;
    this.fragOffset = 0;
    this.moreFragments = false;
    this.datagramVersion = 0;
    this.hasPorts = false;
    this.srcPort = this.dstPort = 0;
    this.tcpFlags = 0;
    this.tcpHeaderLength = 0;
    this.tcpMss = -1;
    this.tcpWindowScale = -1;
    this.tcpSackPermitted = false;
    this.tcpHasTimestamp = false;
    this.tcpSackCount = 0;
    this.icmpError = false;
    this.payloadOffset = this.payloadLength = this.payloadWireLength = 0;
    this.truncated = false;
    this.skipReason = '';
    this.wireEnd = 0;
    this.depth = 0;
  }

  /** Starts over at an inner IP header (tunnels): the outer network layer is forgotten. */
  resetForInner(tunnel: string): void {
    this.tunnel = tunnel;
    this.ipVersion = 0;
    this.src0 = this.src1 = this.src2 = this.src3 = 0;
    this.dst0 = this.dst1 = this.dst2 = this.dst3 = 0;
    this.proto = 0;
    this.fragOffset = 0;
    this.moreFragments = false;
    this.hasPorts = false;
    this.srcPort = this.dstPort = 0;
    this.tcpFlags = 0;
    this.payloadOffset = this.payloadLength = this.payloadWireLength = 0;
  }
}

/** Records the current IP layer as the packet's datagram, unless an outer layer is already a fragment. */
export function noteDatagram(p: DecodedPacket): void {
  if (p.datagramVersion !== 0) return;
  p.datagramVersion = p.ipVersion;
  p.datagramSrc0 = p.src0; p.datagramSrc1 = p.src1; p.datagramSrc2 = p.src2; p.datagramSrc3 = p.src3;
  p.datagramDst0 = p.dst0; p.datagramDst1 = p.dst1; p.datagramDst2 = p.dst2; p.datagramDst3 = p.dst3;
  p.datagramProto = p.proto;
  p.datagramId = p.ipId;
  p.datagramOffset = p.fragOffset;
  p.datagramMore = p.moreFragments;
}

/**
 * A decoder reads the header at `off`, fills `p` and hands the rest to the next
 * decoder through a dispatch table. `end` is the end of the captured bytes.
 */
export type Decoder = (d: Uint8Array, off: number, end: number, p: DecodedPacket) => void;
