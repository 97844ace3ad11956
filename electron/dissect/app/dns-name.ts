/**
 * DNS name reading with message compression (RFC 1035 §4.1.4).
 *
 * A crafted message can point a name at itself or build pointer cycles, so
 * jumps are counted; names are also capped at 255 octets (RFC 1035 §3.1).
 */
const MAX_JUMPS = 32;
const MAX_NAME_OCTETS = 255;

/** Where a name read stopped: the offset just after it in the message, -1 when malformed. */
export interface DnsNameRead {
  name: string;
  next: number;
}

// Scratch for a name's text bytes: 255 octets, each at most 4 bytes once escaped.
const scratch = new Uint8Array(MAX_NAME_OCTETS * 4);
const utf8 = new TextDecoder('utf-8');
// For pure-ASCII names (the usual case) a single-byte decode, with no UTF-8 validation.
const latin1 = new TextDecoder('latin1');

/**
 * Reads the name at `o` in the message `d[msg, end)`. Labels are joined with
 * '.'; the text is what Wireshark shows: label bytes as UTF-8 (invalid
 * sequences become U+FFFD), control characters as octal escapes (\022), and
 * the root as "<Root>". Returns false when the name is malformed (pointer
 * loop, too long, cut, reserved label type); `out.next` still tells where the
 * name ended in the message when a pointer was reached first, so the records
 * after it can be read.
 */
export function readDnsName(d: Uint8Array, msg: number, end: number, o: number, out: DnsNameRead): boolean {
  let n = 0;
  let octets = 0;
  let jumps = 0;
  let next = -1;
  let ascii = true;
  let tooLong = false;
  // Each pass consumes a label or a (counted) jump, so the walk ends within the message.
  for (;;) {
    if (o >= end) return fail(out, next);
    const len = d[o];
    if (len === 0) {
      if (next < 0) next = o + 1;
      break;
    }
    const kind = len & 0xc0;
    if (kind === 0xc0) {
      if (o + 1 >= end) return fail(out, next);
      if (next < 0) next = o + 2;
      if (++jumps > MAX_JUMPS) return fail(out, next);
      o = msg + (((len & 0x3f) << 8) | d[o + 1]);
      continue;
    }
    // 0x40 (extended labels, RFC 6891 §5) and 0x80 are not in use.
    if (kind !== 0 || o + 1 + len > end) return fail(out, next);
    octets += len + 1;
    // Too long for a name: keep walking to learn where it ends, but stop writing it.
    if (octets > MAX_NAME_OCTETS) tooLong = true;
    if (tooLong) {
      o += 1 + len;
      continue;
    }
    if (n > 0) scratch[n++] = 0x2e;
    for (let i = o + 1; i <= o + len; i++) {
      const c = d[i];
      if (c < 0x20 || c === 0x7f) {
        scratch[n++] = 0x5c;
        scratch[n++] = 0x30 + (c >> 6);
        scratch[n++] = 0x30 + ((c >> 3) & 7);
        scratch[n++] = 0x30 + (c & 7);
      } else {
        if (c >= 0x80) ascii = false;
        scratch[n++] = c;
      }
    }
    o += 1 + len;
  }
  if (tooLong) {
    out.name = '';
    out.next = next;
    return false;
  }
  out.name = n === 0 ? '<Root>' : ascii ? latin1.decode(scratch.subarray(0, n)) : utf8.decode(scratch.subarray(0, n));
  out.next = next;
  return true;
}

function fail(out: DnsNameRead, next: number): boolean {
  out.name = '';
  out.next = next;
  return false;
}
