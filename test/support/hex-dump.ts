/**
 * Bytes from a `tcpdump -X` dump pasted into a test (gopacket's habit: the dump
 * in a comment is the test data). Lines look like
 *   0x0010:  d157 f912 abbe 0035 0040 7824 5934 0120  .W.....5.@x$Y4..
 * and only the hex groups before the ASCII column are read.
 */
export function fromTcpdumpX(dump: string): Uint8Array {
  const bytes: number[] = [];
  for (const line of dump.split('\n')) {
    const m = /^\s*0x[0-9a-f]+:\s+(.*)$/i.exec(line);
    if (!m) continue;
    const hex = m[1].split(/\s{2,}/)[0].replace(/\s+/g, '');
    for (let i = 0; i + 1 < hex.length; i += 2) bytes.push(parseInt(hex.slice(i, i + 2), 16));
  }
  return Uint8Array.from(bytes);
}

/** Bytes from a plain hex string; whitespace is ignored. */
export function fromHex(hex: string): Uint8Array {
  return Uint8Array.from(Buffer.from(hex.replace(/\s+/g, ''), 'hex'));
}
