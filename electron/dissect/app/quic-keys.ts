import { createHmac } from 'node:crypto';
import type { QuicVersionInfo } from './quic-versions';

/** Keys protecting one direction's Initial packets (RFC 9001 §5.1–5.2). */
export interface QuicInitialKeys {
  key: Buffer;
  iv: Buffer;
  hp: Buffer;
}

/**
 * initial_secret = HKDF-Extract(salt, client_dst_connection_id)
 * secret = HKDF-Expand-Label(initial_secret, "client in" | "server in", "", 32)
 * key/iv/hp = HKDF-Expand-Label(secret, "quic key" | "quic iv" | "quic hp", "", 16/12/16)
 * (RFC 9001 §5.2; RFC 9369 §3.3.2 renames the last three "quicv2 …").
 */
export function quicInitialKeys(info: QuicVersionInfo, dcid: Uint8Array, server: boolean): QuicInitialKeys {
  const initial = createHmac('sha256', info.salt).update(dcid).digest();
  const secret = expandLabel(initial, server ? 'server in' : 'client in', 32);
  return {
    key: expandLabel(secret, `${info.labelPrefix} key`, 16),
    iv: expandLabel(secret, `${info.labelPrefix} iv`, 12),
    hp: expandLabel(secret, `${info.labelPrefix} hp`, 16),
  };
}

/**
 * HKDF-Expand-Label (RFC 8446 §7.1) with an empty context, for outputs of at
 * most one SHA-256 block: HKDF-Expand's T(1) = HMAC(secret, HkdfLabel || 0x01).
 */
export function expandLabel(secret: Buffer, label: string, length: number): Buffer {
  const full = `tls13 ${label}`;
  const info = Buffer.alloc(2 + 1 + full.length + 1 + 1);
  info.writeUInt16BE(length, 0);
  info[2] = full.length;
  info.write(full, 3, 'latin1');
  info[3 + full.length] = 0; // empty context
  info[4 + full.length] = 1; // HKDF-Expand block counter
  return createHmac('sha256', secret).update(info).digest().subarray(0, length);
}
