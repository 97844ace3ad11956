/**
 * What the QUIC versions we can open need for Initial packets: the salt of
 * the initial secret, the HKDF label prefix and the long-header type code of
 * Initial packets.
 *
 * - v1 (RFC 9001 §5.2, and drafts 33–34 which used the same salt)
 * - v2 (RFC 9369 §3.3.1 salt, §3.3.2 "quicv2 " labels, §3.2 Initial type 0b01)
 * - draft-29 … draft-32 (draft-ietf-quic-tls-29 §5.2)
 * - draft-23 … draft-28 (draft-ietf-quic-tls-23 §5.2)
 * - draft-22 (draft-ietf-quic-tls-22 §5.2), the first with one length byte per connection ID
 * - Facebook mvfst 0xfaceb001 (built on draft-22) and 0xfaceb002 (on draft-27), as Wireshark maps them
 */
export interface QuicVersionInfo {
  version: number;
  salt: Buffer;
  /** "quic" (v1 and drafts) or "quicv2": labels are "<prefix> key", "<prefix> iv", "<prefix> hp". */
  labelPrefix: string;
  /** Long-header packet type of Initial packets (RFC 9000 §17.2, RFC 9369 §3.2). */
  initialType: number;
}

const SALT_V1 = Buffer.from('38762cf7f55934b34d179ae6a4c80cadccbb7f0a', 'hex');
const SALT_V2 = Buffer.from('0dede3def700a6db819381be6e269dcbf9bd2ed9', 'hex');
const SALT_DRAFT_29 = Buffer.from('afbfec289993d24c9e9786f19c6111e04390a899', 'hex');
const SALT_DRAFT_23 = Buffer.from('c3eef712c72ebb5a11a7d2432bb46365bef9f502', 'hex');
const SALT_DRAFT_22 = Buffer.from('7fbcdb0e7c66bbe9193a96cd21519ebd7a02644a', 'hex');

export const QUIC_V1 = 0x00000001;
export const QUIC_V2 = 0x6b3343cf;

const versions = new Map<number, QuicVersionInfo>();

function add(version: number, salt: Buffer, labelPrefix = 'quic', initialType = 0): void {
  versions.set(version, { version, salt, labelPrefix, initialType });
}

add(QUIC_V1, SALT_V1);
add(QUIC_V2, SALT_V2, 'quicv2', 1);
for (let draft = 33; draft <= 34; draft++) add(0xff000000 + draft, SALT_V1);
for (let draft = 29; draft <= 32; draft++) add(0xff000000 + draft, SALT_DRAFT_29);
for (let draft = 23; draft <= 28; draft++) add(0xff000000 + draft, SALT_DRAFT_23);
add(0xff000016, SALT_DRAFT_22);
add(0xfaceb001, SALT_DRAFT_22);
add(0xfaceb002, SALT_DRAFT_23);

export function quicVersionInfo(version: number): QuicVersionInfo | undefined {
  return versions.get(version);
}

/** The version as the quic_version column shows it. */
export function quicVersionText(version: number): string {
  return `0x${(version >>> 0).toString(16).padStart(8, '0')}`;
}
