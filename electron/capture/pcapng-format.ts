/**
 * pcapng constants, from the IETF draft "PCAP Now Generic (pcapng) Capture File
 * Format" (draft-ietf-opsawg-pcapng), cited below by section.
 */

/** §4.1: the Section Header Block type reads the same in both byte orders. */
export const BLOCK_SHB = 0x0a0d0d0a;
/** §4.1: written in the writer's byte order, so it tells the section's order. */
export const BYTE_ORDER_MAGIC = 0x1a2b3c4d;
export const BLOCK_IDB = 0x00000001;
/** Appendix A: the obsolete Packet Block, still written by old tools. */
export const BLOCK_PB = 0x00000002;
export const BLOCK_SPB = 0x00000003;
export const BLOCK_NRB = 0x00000004;
export const BLOCK_ISB = 0x00000005;
export const BLOCK_EPB = 0x00000006;
/** §10.1: systemd Journal Export Block and Decryption Secrets Block. */
export const BLOCK_SYSTEMD_JOURNAL = 0x00000009;
export const BLOCK_DSB = 0x0000000a;
/** §4.8: Custom Blocks, copyable and not to be copied. */
export const BLOCK_CB = 0x00000bad;
export const BLOCK_DCB = 0x40000bad;

/** §3.1: type, total length, body, total length again. */
export const BLOCK_OVERHEAD = 12;
/**
 * Wireshark refuses blocks above 16 MiB as corrupt (wiretap/pcapng.c,
 * MAX_BLOCK_SIZE); so do we, before trying to buffer a length a damaged header
 * made up.
 */
export const MAX_BLOCK = 16 * 1024 * 1024 + 1024;

/** §3.5 and §4: option codes used here. */
export const OPT_ENDOFOPT = 0;
export const OPT_COMMENT = 1;
export const IF_NAME = 2;
export const IF_DESCRIPTION = 3;
export const IF_TSRESOL = 9;
export const IF_TSOFFSET = 14;
export const ISB_STARTTIME = 2;
export const ISB_ENDTIME = 3;
export const ISB_IFRECV = 4;
export const ISB_IFDROP = 5;
export const ISB_FILTERACCEPT = 6;
export const ISB_OSDROP = 7;
export const ISB_USRDELIV = 8;
/** §4.5: Name Resolution Block record types. */
export const NRB_END = 0;
export const NRB_IPV4 = 1;
export const NRB_IPV6 = 2;

const names: Record<number, string> = {
  [BLOCK_SHB]: 'SHB',
  [BLOCK_IDB]: 'IDB',
  [BLOCK_PB]: 'PB',
  [BLOCK_SPB]: 'SPB',
  [BLOCK_NRB]: 'NRB',
  [BLOCK_ISB]: 'ISB',
  [BLOCK_EPB]: 'EPB',
  [BLOCK_SYSTEMD_JOURNAL]: 'SJEB',
  [BLOCK_DSB]: 'DSB',
  [BLOCK_CB]: 'CB',
  [BLOCK_DCB]: 'DCB',
};

/** The draft's short name of a block type, or its number in hex. */
export function blockName(type: number): string {
  return names[type] ?? `0x${type.toString(16).padStart(8, '0')}`;
}

/** A pcapng file starts with a Section Header Block whose byte-order magic is valid. */
export function isPcapngMagic(b: Uint8Array): boolean {
  if (b.length < 12 || b[0] !== 0x0a || b[1] !== 0x0d || b[2] !== 0x0d || b[3] !== 0x0a) return false;
  const le = (b[8] | (b[9] << 8) | (b[10] << 16) | (b[11] << 24)) >>> 0;
  const be = ((b[8] << 24) | (b[9] << 16) | (b[10] << 8) | b[11]) >>> 0;
  return le === BYTE_ORDER_MAGIC || be === BYTE_ORDER_MAGIC;
}
