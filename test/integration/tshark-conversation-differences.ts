/**
 * Corpus captures where Flowsight's flows differ from tshark's conversation
 * tables, each with the reason. `extra`: 5-tuples we have and tshark has not;
 * `missing`: the reverse; `counts`: 5-tuples whose totals differ.
 *
 * Each is deliberate: Flowsight keeps a packet tshark drops, or reads an
 * encapsulation differently, for the reason given.
 */
export interface ConversationDifference {
  why: string;
  extra: string[];
  missing: string[];
  counts: string[];
}

const CUT_TCP_OPTIONS =
  'a TCP header that the snaplen cuts inside its options is kept: its ports, flags and sequence numbers are there, so Flowsight counts the packet in its flow; tshark stops at the cut before its conversation tap';
const MALFORMED_TCP_OPTION =
  'a TCP option that runs past the header (an MPTCP DSS option) does not drop the packet: Flowsight counts it in its flow; tshark stops at the malformed option before its conversation tap';
const BOGUS_TCP_HEADER =
  'two reassembled datagrams have a TCP data offset below 20 bytes: Flowsight counts every fragment in the flow its ports name; tshark rejects the header and counts the completing frame in no conversation (the reference adds the other fragments)';
const NO_PORTS =
  'the transport header is cut before its ports are complete, or an IPv6 destination option runs past its header: Flowsight keeps the packet in a flow of its addresses and protocol with port 0; tshark lists no conversation';
const LONE_FRAGMENTS =
  'fragments of datagrams that never complete (a fragment missing; fuzzed flags and offsets): Flowsight counts each fragment, in its first fragment\'s flow when that was seen (before or up to 30 s after it), else in a flow of its addresses with port 0; tshark cannot reassemble them and counts them nowhere';
const FRAGMENT_TIMEOUT =
  'one fragment a second for 45 s: like a Linux reassembler (ipfrag_time), Flowsight attributes a datagram\'s fragments for 30 s after its first and counts later ones with port 0; tshark reassembles without a time limit';
const BIG_TCP_UDP =
  'a BIG TCP/GSO super-packet in a UDP tunnel, whose outer IP and UDP lengths are 0: Flowsight, like tcpdump, takes 0 as "to the end of the frame" and decodes the tunnel to the inner flow; tshark 4.0 rejects the UDP length and lists no conversation';
const BIG_TCP_IPV6 =
  'BIG TCP over IPv6 without its hop-by-hop jumbo option (Linux strips it before capture), payload length 0: Flowsight, like tcpdump, takes the frame\'s length; tshark 4.0 finds the TCP segment malformed and lists no conversation';
const IPV4_LINK_TYPE =
  'LINKTYPE_IPV4 (228) is IPv4 by definition and this record holds an IPv6 packet: Flowsight reads the link type as defined (a malformed IPv4 header, skipped); tshark\'s IPv4 dissector hands a version 6 header to IPv6';
const OPENFLOW =
  'frames carried in OpenFlow packet-in/packet-out messages, inside the TCP connection to the controller: tshark dissects the embedded frames and counts their UDP; Flowsight does not look for packets inside TCP payloads';
const FABRICPATH_FCS =
  'every packet is captured twice, plain and inside Cisco FabricPath: Flowsight decodes both copies; tshark\'s FabricPath dissector takes the last 4 bytes for an FCS these frames lack, finds the inner TCP/UDP header cut and counts only the plain copies';
const AMSDU =
  'one Aruba GRE frame carries an 802.11 A-MSDU of two subframes of the same TCP connection: tshark counts the frame once per subframe; Flowsight decodes the first and counts the frame once (a record is one packet)';
const INCOMPLETE_OUTER_DATAGRAM =
  'a GTP tunnel whose outer IP datagrams are fragmented, and one datagram misses a fragment: Flowsight reads the inner TCP segment from the first fragment and counts every fragment of the datagram in the inner flow; tshark never completes the datagram and counts none of its frames there';

export const conversationDifferences: Record<string, ConversationDifference> = {
  // A transport header cut short or malformed: Flowsight keeps the packet (with the ports when it has them).
  'tcp/zeek/tcp/truncated-header.pcap': {
    why: CUT_TCP_OPTIONS,
    extra: [],
    missing: [],
    counts: ['tcp 128.3.26.249:25 201.186.157.67:60827'],
  },
  'robustness/tcpdump/beep-oobr.pcap': {
    why: CUT_TCP_OPTIONS,
    extra: ['tcp 3030:3030:3030:3030:3030:3030:3030:3030:10288 3030:3030:3030:3030:3030:3030:3030:3030:12336'],
    missing: [],
    counts: [],
  },
  'robustness/tcpdump/heapoverflow-tcp_print.pcap': {
    why: CUT_TCP_OPTIONS,
    extra: ['tcp 48.48.48.48:12336 48.48.48.48:12336'],
    missing: [],
    counts: [],
  },
  'robustness/tcpdump/tcp-auth-heapoverflow.pcap': {
    why: CUT_TCP_OPTIONS,
    extra: ['tcp 48.48.48.48:12336 48.48.48.48:12336'],
    missing: [],
    counts: [],
  },
  'robustness/tcpdump/mptcp-dss-oobr.pcap': {
    why: MALFORMED_TCP_OPTION,
    extra: ['tcp 127.0.0.1:23 127.0.0.1:57370'],
    missing: [],
    counts: [],
  },
  'apps/ndpi/pcap/ip_fragmented_garbage.pcap': {
    why: BOGUS_TCP_HEADER,
    extra: [],
    missing: [],
    counts: ['tcp 10.0.0.2:16417 10.128.0.2:16419', 'tcp 10.0.0.2:24102 10.128.0.2:10792'],
  },
  'robustness/tcpdump/tcp_header_heapoverflow.pcap': {
    why: NO_PORTS,
    extra: ['tcp 48.48.48.48:0 48.48.48.48:0'],
    missing: [],
    counts: [],
  },
  'robustness/tcpdump/udp-length-heapoverflow.pcap': {
    why: NO_PORTS,
    extra: ['udp 48.48.48.48:0 48.48.48.48:0'],
    missing: [],
    counts: [],
  },
  'robustness/zeek/trunc/ip-discarder-truncated-tcp-oob.pcapng': {
    why: NO_PORTS,
    extra: ['tcp 10.0.0.1:0 10.0.0.2:0'],
    missing: [],
    counts: [],
  },
  'robustness/zeek/ipv6-mobility-dst-opts.pcap': {
    why: NO_PORTS,
    extra: ['udp 2001:4f8:4:7:2e0:81ff:fe52:9a6b:0 2001:4f8:4:7:2e0:81ff:fe52:ffff:0'],
    missing: [],
    counts: [],
  },

  // Fragments of datagrams that never complete, or complete too slowly.
  'apps/ndpi/pcap/fuzz-2006-06-26-2594.pcap': {
    why: LONE_FRAGMENTS,
    extra: [
      'tcp 147.234.1.253:0 192.168.1.2:0',
      'udp 13.168.1.2:0 212.242.33.35:0',
      'udp 133.168.1.2:0 192.168.1.1:0',
      'udp 170.170.170.170:0 170.170.170.170:0',
      'udp 192.168.1.1:0 192.168.1.2:0',
      'udp 192.168.1.1:0 88.168.1.2:0',
      'udp 192.168.1.2:0 212.242.33.35:0',
    ],
    missing: [],
    counts: ['udp 192.168.1.1:53 192.168.1.2:2823'],
  },
  'robustness/stopddos/amp.dns.RRSIG.fragmented.pcap': {
    why: LONE_FRAGMENTS,
    extra: [
      'udp 10.10.10.10:0 188.14.127.103:0',
      'udp 10.10.10.10:0 190.230.21.206:0',
      'udp 10.10.10.10:0 31.173.10.129:0',
      'udp 10.10.10.10:0 31.173.67.22:0',
      'udp 10.10.10.10:0 36.67.199.213:0',
      'udp 10.10.10.10:0 36.89.97.41:0',
      'udp 10.10.10.10:0 36.89.97.43:0',
      'udp 10.10.10.10:0 36.91.142.137:0',
      'udp 10.10.10.10:0 36.92.120.241:0',
      'udp 10.10.10.10:0 89.237.147.26:0',
      'udp 10.10.10.10:22 188.14.127.103:53',
      'udp 10.10.10.10:22 36.67.199.213:53',
      'udp 10.10.10.10:22 36.89.97.41:53',
      'udp 10.10.10.10:22 36.89.97.42:53',
      'udp 10.10.10.10:22 36.89.97.43:53',
      'udp 10.10.10.10:22 36.91.127.18:53',
      'udp 10.10.10.10:22 36.91.140.93:53',
      'udp 10.10.10.10:22 36.91.142.137:53',
      'udp 10.10.10.10:22 36.91.151.137:53',
      'udp 10.10.10.10:22 36.91.157.217:53',
      'udp 10.10.10.10:22 36.92.120.241:53',
      'udp 10.10.10.10:22 94.26.102.30:53',
    ],
    missing: [],
    // Each differs by exactly the fragments of its incomplete datagrams whose first fragment was seen (11, 7, 33).
    counts: ['udp 10.10.10.10:22 190.230.21.206:53', 'udp 10.10.10.10:22 36.91.124.58:53', 'udp 10.10.10.10:22 36.92.82.121:53'],
  },
  'robustness/tcpdump/babel_update_oobr.pcap': {
    why: LONE_FRAGMENTS,
    extra: ['udp 0.234.154.214:0 10.0.0.1:0'],
    missing: [],
    counts: [],
  },
  'robustness/tcpdump/isakmp-various-oobr.pcap': {
    why: LONE_FRAGMENTS,
    extra: ['udp 0.0.0.0:0 0.0.0.5:0'],
    missing: [],
    counts: [],
  },
  'robustness/zeek/ipv6-fragmented-dns.pcap': {
    why: LONE_FRAGMENTS,
    extra: ['udp 2001:470:1f11:81f:d138:5f55:6d4:1fe2:0 2607:f740:b::f93:0'],
    missing: [],
    counts: [],
  },
  'robustness/zeek/ipv6-reassembly-state-leak.pcap': {
    why: FRAGMENT_TIMEOUT,
    extra: [],
    missing: [],
    counts: ['udp 2001:db8::1:0 2001:db8::2:0', 'udp 2001:db8::1:257 2001:db8::2:257'],
  },

  // BIG TCP and GSO super-packets, whose IP or UDP length field is 0.
  'robustness/tcpdump/bigtcp-ipv4-geneve-ipv4.pcap': {
    why: BIG_TCP_UDP,
    extra: ['tcp 192.168.1.1:38005 192.168.1.2:35663'],
    missing: [],
    counts: [],
  },
  'robustness/tcpdump/bigtcp-ipv4-geneve-ipv6.pcap': {
    why: BIG_TCP_UDP,
    extra: ['tcp fd00::1:41423 fd00::2:40433'],
    missing: [],
    counts: [],
  },
  'robustness/tcpdump/bigtcp-ipv4-vxlan-ipv4.pcap': {
    why: BIG_TCP_UDP,
    extra: ['tcp 192.168.1.1:36449 192.168.1.2:36875'],
    missing: [],
    counts: [],
  },
  'robustness/tcpdump/bigtcp-ipv4-vxlan-ipv6.pcap': {
    why: BIG_TCP_UDP,
    extra: ['tcp fd00::1:36425 fd00::2:33673'],
    missing: [],
    counts: [],
  },
  'robustness/tcpdump/bigtcp-ipv6-geneve-ipv4.pcap': {
    why: BIG_TCP_UDP,
    extra: ['tcp 192.168.1.1:39887 192.168.1.2:43959'],
    missing: [],
    counts: [],
  },
  'robustness/tcpdump/bigtcp-ipv6-geneve-ipv6.pcap': {
    why: BIG_TCP_UDP,
    extra: ['tcp fd00::1:38339 fd00::2:43997'],
    missing: [],
    counts: [],
  },
  'robustness/tcpdump/bigtcp-ipv6-vxlan-ipv4.pcap': {
    why: BIG_TCP_UDP,
    extra: ['tcp 192.168.1.1:41873 192.168.1.2:38131'],
    missing: [],
    counts: [],
  },
  'robustness/tcpdump/bigtcp-ipv6-vxlan-ipv6.pcap': {
    why: BIG_TCP_UDP,
    extra: ['tcp fd00::1:40007 fd00::2:40607'],
    missing: [],
    counts: [],
  },
  'robustness/tcpdump/bigtcp-ipv6.pcap': {
    why: BIG_TCP_IPV6,
    extra: ['tcp 2604:1380:4091:ce00::b:43267 2604:1380:4091:ce00::d:41219'],
    missing: [],
    counts: [],
  },

  // Encapsulations tshark reads differently.
  'robustness/tcpdump/LINKTYPE_IPV4_invalid.pcap': {
    why: IPV4_LINK_TYPE,
    extra: [],
    missing: ['udp 2001:db8::1:12345 2620:fe::9:53'],
    counts: [],
  },
  'robustness/tcpdump/of13_ericsson.pcapng': {
    why: OPENFLOW,
    extra: [],
    missing: ['udp 192.168.1.1:1234 192.168.1.2:5678'],
    counts: [],
  },
  'robustness/zeek/cisco-fabric-path.pcap': {
    why: FABRICPATH_FCS,
    extra: [],
    missing: [],
    counts: [
      'tcp 1.1.1.0:57005 2.2.2.2:48879',
      'tcp 1.1.1.10:57005 2.2.2.2:48879',
      'tcp 1.1.1.12:57005 2.2.2.2:48879',
      'tcp 1.1.1.14:57005 2.2.2.2:48879',
      'tcp 1.1.1.2:57005 2.2.2.2:48879',
      'tcp 1.1.1.4:57005 2.2.2.2:48879',
      'tcp 1.1.1.6:57005 2.2.2.2:48879',
      'tcp 1.1.1.8:57005 2.2.2.2:48879',
      'tcp 1234::2:57005 5678:::48879',
      'tcp 1234::4:57005 5678:::48879',
      'tcp 1234::6:57005 5678:::48879',
      'tcp 1234::8:57005 5678:::48879',
      'tcp 1234:::57005 5678:::48879',
      'tcp 1234::a:57005 5678:::48879',
      'tcp 1234::c:57005 5678:::48879',
      'tcp 1234::e:57005 5678:::48879',
      'udp 1.1.1.0:57005 2.2.2.2:48879',
      'udp 1.1.1.10:57005 2.2.2.2:48879',
      'udp 1.1.1.12:57005 2.2.2.2:48879',
      'udp 1.1.1.14:57005 2.2.2.2:48879',
      'udp 1.1.1.2:57005 2.2.2.2:48879',
      'udp 1.1.1.4:57005 2.2.2.2:48879',
      'udp 1.1.1.6:57005 2.2.2.2:48879',
      'udp 1.1.1.8:57005 2.2.2.2:48879',
      'udp 1234::2:57005 5678:::48879',
      'udp 1234::4:57005 5678:::48879',
      'udp 1234::6:57005 5678:::48879',
      'udp 1234::8:57005 5678:::48879',
      'udp 1234:::57005 5678:::48879',
      'udp 1234::a:57005 5678:::48879',
      'udp 1234::c:57005 5678:::48879',
      'udp 1234::e:57005 5678:::48879',
    ],
  },
  'robustness/zeek/tunnels/gre-aruba-amsdu.pcap': {
    why: AMSDU,
    extra: [],
    missing: [],
    counts: ['tcp 149.159.130.184:49392 157.240.18.16:443'],
  },
  'robustness/zeek/tunnels/gtp/gtp1_gn_normal_incl_fragmentation.pcap': {
    why: INCOMPLETE_OUTER_DATAGRAM,
    extra: [],
    missing: [],
    counts: ['tcp 10.131.47.185:1923 79.101.110.141:80'],
  },
};
