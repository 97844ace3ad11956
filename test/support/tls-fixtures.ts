/** Real TLS handshake bytes shared by the parser and fingerprint tests. */
import { fromHex, fromTcpdumpX } from './hex-dump';

// tcpdump -n -X -r corpus/apps/zeek/tls/tls1_1.pcap, packet 4:
// 192.168.17.58.62987 > 216.58.192.14.443: Flags [P.], length 200 (a TLS 1.1 ClientHello, no SNI)
export const TLS11_CLIENT_HELLO_PACKET = fromTcpdumpX(`
	0x0000:  4500 00f0 0000 4000 4006 cfdc c0a8 113a  E.....@.@......:
	0x0010:  d83a c00e f60b 01bb 5ad4 7737 05c8 dd3a  .:......Z.w7...:
	0x0020:  5018 2000 64e3 0000 1603 0100 c301 0000  P...d...........
	0x0030:  bf03 021e 1399 5fae 1b69 3f91 b973 15fc  ......_..i?..s..
	0x0040:  38b4 b19f 600e 2aff 7f24 ce9b 11bf 538b  8...\`.*..$....S.
	0x0050:  1667 e500 0064 c014 c00a 0039 0038 0037  .g...d.....9.8.7
	0x0060:  0036 0088 0087 0086 0085 c00f c005 0035  .6.............5
	0x0070:  0084 c013 c009 0033 0032 0031 0030 009a  .......3.2.1.0..
	0x0080:  0099 0098 0097 0045 0044 0043 0042 c00e  .......E.D.C.B..
	0x0090:  c004 002f 0096 0041 0007 c011 c007 c00c  .../...A........
	0x00a0:  c002 0005 0004 c012 c008 0016 0013 0010  ................
	0x00b0:  000d c00d c003 000a 00ff 0201 0000 3100  ..............1.
	0x00c0:  0b00 0403 0001 0200 0a00 1c00 1a00 1700  ................
	0x00d0:  1900 1c00 1b00 1800 1a00 1600 0e00 0d00  ................
	0x00e0:  0b00 0c00 0900 0a00 2300 0000 0f00 0101  ........#.......`);
/** IPv4 (20) + TCP (20): the TLS record starts here; its handshake message 5 bytes later. */
export const TLS11_RECORD = 40;

// RFC 9001 Appendix A.3: the ServerHello inside the server's Initial CRYPTO frame (TLS 1.3).
export const RFC9001_SERVER_HELLO = fromHex(`
  020000560303eefce7f7b37ba1d1632e96677825ddf73988cfc79825df566dc5430b9a045a1200
  130100002e00330024001d00209d3c940d89690b84d08a60993c144eca684d1081287c834d5311
  bcf32bb9da1a002b00020304`);
