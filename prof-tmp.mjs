// electron/capture/capture-errors.ts
var CaptureFormatError = class extends Error {
  constructor(file, offset, reason) {
    super(`${file}: ${reason} (at byte ${offset})`);
    this.file = file;
    this.offset = offset;
    this.reason = reason;
  }
  file;
  offset;
  reason;
  name = "CaptureFormatError";
};

// electron/capture/chunk-buffer.ts
var INITIAL = 4 << 20;
var ChunkBuffer = class {
  constructor(source) {
    this.source = source;
  }
  source;
  buf = new Uint8Array(INITIAL);
  pos = 0;
  end = 0;
  /** File offset of buf[0]. */
  base = 0;
  eof = false;
  get available() {
    return this.end - this.pos;
  }
  /** File offset of buf[pos]. */
  get offset() {
    return this.base + this.pos;
  }
  /**
   * Makes at least `n` bytes available from `pos` (moving the unread tail to the
   * front and growing the buffer for oversized records). False if the source ends
   * first; what was there stays available.
   */
  async ensure(n) {
    if (this.available >= n) return true;
    if (this.pos > 0) {
      this.buf.copyWithin(0, this.pos, this.end);
      this.base += this.pos;
      this.end -= this.pos;
      this.pos = 0;
    }
    if (n > this.buf.length) {
      const bigger = new Uint8Array(Math.max(n, this.buf.length * 2));
      bigger.set(this.buf.subarray(0, this.end));
      this.buf = bigger;
    }
    while (this.end < n && !this.eof) {
      const got = await this.source.read(this.buf, this.end, this.buf.length - this.end);
      if (got === 0) this.eof = true;
      this.end += got;
    }
    return this.end >= n;
  }
};

// electron/capture/byte-source.ts
import { openSync, readSync, closeSync, fstatSync } from "node:fs";
var FileSource = class {
  constructor(path) {
    this.path = path;
    this.fd = openSync(path, "r");
    this.size = fstatSync(this.fd).size;
  }
  path;
  fd;
  pos = 0;
  size;
  error = null;
  get consumed() {
    return this.pos;
  }
  // Synchronous reads: this runs in a worker, and a 4 MB read is far cheaper than
  // the promise machinery of fs/promises around it.
  async read(into, at, len) {
    const n = readSync(this.fd, into, at, len, this.pos);
    this.pos += n;
    return n;
  }
  close() {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
  }
};

// electron/capture/gzip-source.ts
import { closeSync as closeSync2, fstatSync as fstatSync2, openSync as openSync2, readSync as readSync2 } from "node:fs";
import { createGunzip } from "node:zlib";
var INPUT_CHUNK = 64 << 10;
var GzipSource = class {
  constructor(path) {
    this.path = path;
    this.fd = openSync2(path, "r");
    this.size = fstatSync2(this.fd).size;
    this.start();
  }
  path;
  fd;
  size;
  error = null;
  input = Buffer.alloc(INPUT_CHUNK);
  fed = 0;
  ended = false;
  inflater;
  failure = null;
  finished = false;
  /** Inflated bytes queued so far over the file (the queue holds the tail not yet read). */
  accepted = 0;
  /** Inflated bytes the current inflater must drop: a second pass repeats what was already queued. */
  skip = 0;
  queue = [];
  queuePos = 0;
  get consumed() {
    return this.fed;
  }
  async read(into, at, len) {
    while (this.queue.length === 0 && !this.ended) await this.pump();
    let copied = 0;
    while (copied < len && this.queue.length > 0) {
      const head = this.queue[0];
      const n = Math.min(len - copied, head.length - this.queuePos);
      into.set(head.subarray(this.queuePos, this.queuePos + n), at + copied);
      copied += n;
      this.queuePos += n;
      if (this.queuePos === head.length) {
        this.queue.shift();
        this.queuePos = 0;
      }
    }
    return copied;
  }
  close() {
    if (this.fd >= 0) closeSync2(this.fd);
    this.fd = -1;
    this.inflater.destroy();
  }
  start() {
    const g = createGunzip();
    this.inflater = g;
    this.failure = null;
    this.finished = false;
    g.on("data", (b) => {
      if (g !== this.inflater) return;
      if (this.skip >= b.length) {
        this.skip -= b.length;
        return;
      }
      const fresh = this.skip > 0 ? b.subarray(this.skip) : b;
      this.skip = 0;
      this.queue.push(fresh);
      this.accepted += fresh.length;
    });
    g.on("error", (err) => this.failure ??= err);
    g.on("end", () => this.finished = true);
  }
  /** Feeds the next piece of the file (or the end of it) and waits until zlib has inflated it. */
  async pump() {
    const from = this.fed;
    if (from < this.size) {
      const n = readSync2(this.fd, this.input, 0, INPUT_CHUNK, from);
      this.fed += n;
      await this.feed(this.input.subarray(0, n));
    } else {
      await this.finish();
      this.ended = true;
    }
    if (this.failure) await this.recover(from, this.fed);
  }
  /** Resolves once zlib has taken the piece, or has failed on it (then the write callback may never come). */
  feed(piece) {
    const g = this.inflater;
    if (this.failure) return Promise.resolve();
    return new Promise((resolve) => {
      const failed = () => resolve();
      g.once("error", failed);
      g.write(piece, () => {
        g.off("error", failed);
        resolve();
      });
    });
  }
  finish() {
    return new Promise((resolve) => {
      if (this.finished || this.failure) return resolve();
      const g = this.inflater;
      g.once("end", () => resolve());
      g.once("error", () => resolve());
      g.end();
    });
  }
  /**
   * Finds the damage and keeps everything before it: inflates the file again
   * with the failing piece fed in 4 KiB steps, then again with the failing step
   * fed byte by byte. Each pass drops what earlier passes already queued.
   */
  async recover(from, to) {
    let why = this.failure;
    for (const step of [4096, 1]) {
      const failedAt = await this.replay(from, to, step);
      why = this.failure ?? why;
      if (failedAt < 0) break;
      from = failedAt;
      to = Math.min(failedAt + step, to);
    }
    this.error = `the compressed stream is damaged: ${why.message}`;
    this.inflater.destroy();
    this.ended = true;
  }
  /** A fresh pass over [0, to): returns where the failing step starts, or -1 when the end itself failed. */
  async replay(from, to, step) {
    this.inflater.destroy();
    this.skip = this.accepted;
    this.start();
    const piece = Buffer.alloc(INPUT_CHUNK);
    for (let o = 0; o < from; ) {
      const n = readSync2(this.fd, piece, 0, Math.min(INPUT_CHUNK, from - o), o);
      await this.feed(piece.subarray(0, n));
      o += n;
    }
    for (let o = from; o < to; o += step) {
      const n = readSync2(this.fd, piece, 0, Math.min(step, to - o), o);
      await this.feed(piece.subarray(0, n));
      if (this.failure) return o;
    }
    if (to >= this.size) await this.finish();
    return -1;
  }
};

// electron/capture/packet-record.ts
var PacketRecord = class {
  data = new Uint8Array(0);
  /** Start of the packet bytes within `data`. */
  offset = 0;
  /** Bytes captured (may be less than `wirelen` when the snaplen cut it). */
  caplen = 0;
  /** Length of the frame on the wire. */
  wirelen = 0;
  /** Timestamp split in whole seconds and nanoseconds, so no precision is lost. */
  tsSec = 0;
  tsNsec = 0;
  linkType = 0;
  /** Byte offset of the record in the (decompressed) file: the packet index points here. */
  fileOffset = 0;
  /** 0-based record number in the file. */
  index = 0;
  interfaceId = 0;
  /**
   * The packet's comments (pcapng opt_comment), joined by newlines; null when it
   * has none. A string is only built for packets that carry one.
   */
  comment = null;
  get ts() {
    return this.tsSec + this.tsNsec / 1e9;
  }
};

// electron/capture/read-stats.ts
var MAX_NAMES = 1e4;
var MAX_INTERFACES = 65536;
var MAX_SKIP_REASONS = 64;
function newReadStats(format) {
  return {
    format,
    packets: 0,
    skipped: /* @__PURE__ */ new Map(),
    partial: false,
    problem: null,
    linkTypes: /* @__PURE__ */ new Map(),
    interfaces: [],
    interfaceStats: [],
    names: [],
    blocks: /* @__PURE__ */ new Map()
  };
}
function countSkip(stats, reason) {
  const m = stats.skipped;
  const key = m.has(reason) || m.size < MAX_SKIP_REASONS ? reason : "other reasons";
  m.set(key, (m.get(key) ?? 0) + 1);
}
function tallyLinkTypes(stats) {
  stats.linkTypes.clear();
  for (const i of stats.interfaces) {
    if (i.packets > 0) stats.linkTypes.set(i.linkType, (stats.linkTypes.get(i.linkType) ?? 0) + i.packets);
  }
}

// electron/capture/pcap-reader.ts
var MAX_RECORD = 262144;
var MAGIC_USEC = 2712847316;
var MAGIC_NSEC = 2712812621;
var MAGIC_KUZNETZOV = 2712849716;
function isPcapMagic(b) {
  if (b.length < 4) return false;
  const le = (b[0] | b[1] << 8 | b[2] << 16 | b[3] << 24) >>> 0;
  const be = (b[0] << 24 | b[1] << 16 | b[2] << 8 | b[3]) >>> 0;
  return [MAGIC_USEC, MAGIC_NSEC, MAGIC_KUZNETZOV].some((m) => m === le || m === be);
}
async function readPcap(file, cb, sink, shouldStop) {
  const stats = newReadStats("pcap");
  await readRecords(file, cb, sink, shouldStop, stats);
  if (stats.interfaces.length > 0) stats.interfaces[0].packets = stats.packets;
  tallyLinkTypes(stats);
  return stats;
}
async function readRecords(file, cb, sink, shouldStop, stats) {
  if (!await cb.ensure(24)) throw new CaptureFormatError(file, 0, "file is shorter than a pcap header (24 bytes)");
  let b = cb.buf;
  const le = (b[0] | b[1] << 8 | b[2] << 16 | b[3] << 24) >>> 0;
  const be = (b[0] << 24 | b[1] << 16 | b[2] << 8 | b[3]) >>> 0;
  const little = le === MAGIC_USEC || le === MAGIC_NSEC || le === MAGIC_KUZNETZOV;
  const magic = little ? le : be;
  if (magic !== MAGIC_USEC && magic !== MAGIC_NSEC && magic !== MAGIC_KUZNETZOV) {
    throw new CaptureFormatError(file, 0, "not a pcap file (bad magic number)");
  }
  const fracScale = magic === MAGIC_NSEC ? 1 : 1e3;
  const recHeader = magic === MAGIC_KUZNETZOV ? 24 : 16;
  const u32 = little ? (p) => (b[p] | b[p + 1] << 8 | b[p + 2] << 16 | b[p + 3] << 24) >>> 0 : (p) => (b[p] << 24 | b[p + 1] << 16 | b[p + 2] << 8 | b[p + 3]) >>> 0;
  const linkType = u32(20) & 67108863;
  stats.interfaces.push({ section: 0, interfaceId: 0, linkType, snaplen: u32(16), packets: 0 });
  cb.pos = 24;
  const rec = new PacketRecord();
  rec.linkType = linkType;
  for (; ; ) {
    b = cb.buf;
    const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
    rec.data = b;
    let pos = cb.pos;
    const end = cb.end;
    while (end - pos >= recHeader) {
      const incl = view.getUint32(pos + 8, little);
      if (incl > MAX_RECORD) {
        cb.pos = pos;
        stats.partial = true;
        stats.problem = `record ${stats.packets + 1} at byte ${cb.base + pos} claims ${incl} captured bytes, more than the ${MAX_RECORD}-byte maximum: the file is corrupt from here`;
        return;
      }
      if (end - pos < recHeader + incl) break;
      const orig = view.getUint32(pos + 12, little);
      rec.tsSec = view.getUint32(pos, little);
      rec.tsNsec = view.getUint32(pos + 4, little) * fracScale;
      if (rec.tsNsec >= 1e9) {
        rec.tsSec += Math.floor(rec.tsNsec / 1e9);
        rec.tsNsec %= 1e9;
      }
      rec.caplen = incl;
      rec.wirelen = orig < incl ? incl : orig;
      rec.offset = pos + recHeader;
      rec.fileOffset = cb.base + pos;
      rec.index = stats.packets;
      sink(rec);
      stats.packets++;
      pos += recHeader + incl;
    }
    cb.pos = pos;
    if (await shouldStop()) return;
    const need = cb.available < recHeader ? recHeader : recHeader + view.getUint32(pos + 8, little);
    if (!await cb.ensure(need)) {
      if (cb.available > 0) {
        stats.partial = true;
        stats.problem = `the file ends inside record ${stats.packets + 1} (at byte ${cb.offset}, ${cb.available} of ${need} bytes present): it was cut short`;
      }
      return;
    }
  }
}

// electron/capture/pcapng-format.ts
var BLOCK_SHB = 168627466;
var BYTE_ORDER_MAGIC = 439041101;
var BLOCK_IDB = 1;
var BLOCK_PB = 2;
var BLOCK_SPB = 3;
var BLOCK_NRB = 4;
var BLOCK_ISB = 5;
var BLOCK_EPB = 6;
var BLOCK_SYSTEMD_JOURNAL = 9;
var BLOCK_DSB = 10;
var BLOCK_CB = 2989;
var BLOCK_DCB = 1073744813;
var BLOCK_OVERHEAD = 12;
var MAX_BLOCK = 16 * 1024 * 1024 + 1024;
var OPT_ENDOFOPT = 0;
var OPT_COMMENT = 1;
var IF_NAME = 2;
var IF_DESCRIPTION = 3;
var IF_TSRESOL = 9;
var IF_TSOFFSET = 14;
var ISB_STARTTIME = 2;
var ISB_ENDTIME = 3;
var ISB_IFRECV = 4;
var ISB_IFDROP = 5;
var ISB_FILTERACCEPT = 6;
var ISB_OSDROP = 7;
var ISB_USRDELIV = 8;
var NRB_END = 0;
var NRB_IPV4 = 1;
var NRB_IPV6 = 2;
var names = {
  [BLOCK_SHB]: "SHB",
  [BLOCK_IDB]: "IDB",
  [BLOCK_PB]: "PB",
  [BLOCK_SPB]: "SPB",
  [BLOCK_NRB]: "NRB",
  [BLOCK_ISB]: "ISB",
  [BLOCK_EPB]: "EPB",
  [BLOCK_SYSTEMD_JOURNAL]: "SJEB",
  [BLOCK_DSB]: "DSB",
  [BLOCK_CB]: "CB",
  [BLOCK_DCB]: "DCB"
};
function blockName(type) {
  return names[type] ?? `0x${type.toString(16).padStart(8, "0")}`;
}
function isPcapngMagic(b) {
  if (b.length < 12 || b[0] !== 10 || b[1] !== 13 || b[2] !== 13 || b[3] !== 10) return false;
  const le = (b[8] | b[9] << 8 | b[10] << 16 | b[11] << 24) >>> 0;
  const be = (b[8] << 24 | b[9] << 16 | b[10] << 8 | b[11]) >>> 0;
  return le === BYTE_ORDER_MAGIC || be === BYTE_ORDER_MAGIC;
}

// electron/capture/pcapng-timestamp.ts
var MICROSECONDS = { perSecond: 1e6, perNanosecond: 0, shift: 0, offset: 0 };
function timeUnits(tsresol, offset) {
  const exp = tsresol & 127;
  if (tsresol & 128) {
    if (exp > 63) return null;
    if (exp < 30) return { perSecond: 2 ** exp, perNanosecond: 0, shift: 0, offset };
    return { perSecond: 0, perNanosecond: 0, shift: exp, offset };
  }
  if (exp > 19) return null;
  if (exp <= 9) return { perSecond: 10 ** exp, perNanosecond: 0, shift: 0, offset };
  return { perSecond: 0, perNanosecond: 10 ** (exp - 9), shift: 0, offset };
}
var qHi = 0;
var qLo = 0;
var rem = 0;
function digit(x, d2) {
  let q = Math.floor(x / d2);
  let r = x - q * d2;
  if (r < 0) {
    q--;
    r += d2;
  } else if (r >= d2) {
    q++;
    r -= d2;
  }
  rem = r;
  return q;
}
function divU64(hi, lo, d2) {
  const a = digit(hi >>> 16, d2);
  const b = digit(rem * 65536 + (hi & 65535), d2);
  const c = digit(rem * 65536 + (lo >>> 16), d2);
  const e = digit(rem * 65536 + (lo & 65535), d2);
  qHi = a * 65536 + b;
  qLo = c * 65536 + e;
}
function setTimestamp(rec, u, hi, lo) {
  if (u.perSecond > 0) {
    divU64(hi, lo, u.perSecond);
    rec.tsSec = qHi * 4294967296 + qLo + u.offset;
    rec.tsNsec = Math.floor(rem * 1e9 / u.perSecond);
  } else if (u.shift === 0) {
    divU64(hi, lo, u.perNanosecond);
    divU64(qHi, qLo, 1e9);
    rec.tsSec = qHi * 4294967296 + qLo + u.offset;
    rec.tsNsec = rem;
  } else {
    const s = u.shift;
    rec.tsSec = (s >= 32 ? Math.floor(hi / 2 ** (s - 32)) : hi * 2 ** (32 - s) + Math.floor(lo / 2 ** s)) + u.offset;
    rec.tsNsec = binaryFraction(s >= 32 ? hi % 2 ** (s - 32) : 0, s >= 32 ? lo : lo % 2 ** s, s);
  }
}
function binaryFraction(fHi, fLo, s) {
  const b = fLo * 1953125;
  const bHi = Math.floor(b / 4294967296);
  const c = fHi * 1953125 + bHi;
  const bLo = b - bHi * 4294967296;
  const k = s - 9;
  return k >= 32 ? Math.floor(c / 2 ** (k - 32)) : c * 2 ** (32 - k) + Math.floor(bLo / 2 ** k);
}

// electron/capture/pcapng-interface.ts
function parseIdb(view, bytes, body, optEnd, little, opts, section, interfaceId) {
  const info = {
    section,
    interfaceId,
    linkType: view.getUint16(body, little),
    snaplen: view.getUint32(body + 4, little),
    packets: 0
  };
  let tsresol = 6;
  let offset = 0;
  opts.reset(view, bytes, body + 8, optEnd, little);
  while (opts.next()) {
    if (opts.code === IF_NAME) info.name = opts.text();
    else if (opts.code === IF_DESCRIPTION) info.description = opts.text();
    else if (opts.code === IF_TSRESOL && opts.length >= 1) tsresol = opts.u8();
    else if (opts.code === IF_TSOFFSET && opts.length >= 8) offset = opts.i64();
  }
  const time2 = timeUnits(tsresol, offset);
  return { info, time: time2 ?? { ...MICROSECONDS, offset }, badResolution: time2 === null };
}

// electron/capture/pcapng-isb.ts
var scratch = { tsSec: 0, tsNsec: 0 };
function seconds(u, hi, lo) {
  setTimestamp(scratch, u, hi, lo);
  return scratch.tsSec + scratch.tsNsec / 1e9;
}
function parseIsb(view, bytes, body, optEnd, little, opts, section, iface) {
  const u = iface?.time ?? MICROSECONDS;
  const s = {
    section,
    interfaceId: view.getUint32(body, little),
    linkType: iface?.info.linkType ?? -1,
    ts: seconds(u, view.getUint32(body + 4, little), view.getUint32(body + 8, little))
  };
  if (iface?.info.name !== void 0) s.name = iface.info.name;
  opts.reset(view, bytes, body + 12, optEnd, little);
  while (opts.next()) {
    if (opts.length < 8) continue;
    const time2 = () => seconds(u, view.getUint32(opts.value, little), view.getUint32(opts.value + 4, little));
    switch (opts.code) {
      case ISB_STARTTIME:
        s.start = time2();
        break;
      case ISB_ENDTIME:
        s.end = time2();
        break;
      case ISB_IFRECV:
        s.received = opts.u64();
        break;
      case ISB_IFDROP:
        s.dropped = opts.u64();
        break;
      case ISB_FILTERACCEPT:
        s.filterAccepted = opts.u64();
        break;
      case ISB_OSDROP:
        s.osDropped = opts.u64();
        break;
      case ISB_USRDELIV:
        s.delivered = opts.u64();
        break;
    }
  }
  return s;
}

// shared/net/address-text.ts
function ipv4FromWord(w) {
  return `${w >>> 24 & 255}.${w >>> 16 & 255}.${w >>> 8 & 255}.${w & 255}`;
}
function ipv4Text(d2, o) {
  return `${d2[o]}.${d2[o + 1]}.${d2[o + 2]}.${d2[o + 3]}`;
}
function ipv6FromGroups(g) {
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (g[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  if (bestLen < 2) bestStart = -1;
  const embedsIpv4 = bestStart === 0 && (bestLen === 6 || bestLen === 7 && g[7] !== 1 || bestLen === 5 && g[5] === 65535);
  let s = "";
  const last = embedsIpv4 ? 6 : 8;
  for (let i = 0; i < last; i++) {
    if (i === bestStart) {
      s += "::";
      i += bestLen - 1;
      continue;
    }
    if (s !== "" && !s.endsWith(":")) s += ":";
    s += g[i].toString(16);
  }
  if (embedsIpv4) {
    if (!s.endsWith(":")) s += ":";
    s += `${g[6] >>> 8}.${g[6] & 255}.${g[7] >>> 8}.${g[7] & 255}`;
  }
  return s;
}
function ipv6FromWords(w0, w1, w2, w3) {
  return ipv6FromGroups([w0 >>> 16, w0 & 65535, w1 >>> 16, w1 & 65535, w2 >>> 16, w2 & 65535, w3 >>> 16, w3 & 65535]);
}
function ipv6Text(d2, o) {
  const g = new Array(8);
  for (let i = 0; i < 8; i++) g[i] = d2[o + 2 * i] << 8 | d2[o + 2 * i + 1];
  return ipv6FromGroups(g);
}
function addressFromWords(version, w0, w1, w2, w3) {
  return version === 6 ? ipv6FromWords(w0, w1, w2, w3) : ipv4FromWord(w0);
}

// electron/capture/pcapng-names.ts
var utf8 = new TextDecoder("utf-8");
function parseNrb(view, bytes, body, end, little, names2, seen) {
  let o = body;
  while (end - o >= 4) {
    const type = view.getUint16(o, little);
    const len = view.getUint16(o + 2, little);
    if (type === NRB_END) return true;
    const value2 = o + 4;
    if (value2 + len > end) return false;
    const addrLen = type === NRB_IPV4 ? 4 : type === NRB_IPV6 ? 16 : 0;
    if (addrLen > 0 && len > addrLen) {
      const address = addrLen === 4 ? ipv4FromWord(view.getUint32(value2, false)) : ipv6FromWords(view.getUint32(value2, false), view.getUint32(value2 + 4, false), view.getUint32(value2 + 8, false), view.getUint32(value2 + 12, false));
      addNames(bytes, value2 + addrLen, value2 + len, address, names2, seen);
    }
    o = value2 + (len + 3 & ~3);
  }
  return true;
}
function addNames(bytes, from, to, address, names2, seen) {
  let start = from;
  for (let i = from; i <= to; i++) {
    if (i < to && bytes[i] !== 0) continue;
    if (i > start && names2.length < MAX_NAMES) {
      const name = utf8.decode(bytes.subarray(start, i));
      const key = `${address} ${name}`;
      if (!seen.has(key)) {
        seen.add(key);
        names2.push({ address, name });
      }
    }
    start = i + 1;
  }
}

// electron/capture/pcapng-options.ts
var utf82 = new TextDecoder("utf-8");
var OptionCursor = class {
  code = 0;
  length = 0;
  /** Offset of the current option's value in the buffer. */
  value = 0;
  /** Set when an option ran past the end of its block. */
  malformed = false;
  view;
  bytes;
  little = true;
  pos = 0;
  end = 0;
  /** Starts on the options in `bytes[start, end)`. */
  reset(view, bytes, start, end, little) {
    this.view = view;
    this.bytes = bytes;
    this.little = little;
    this.pos = start;
    this.end = end;
    this.malformed = false;
  }
  /** Moves to the next option: false at opt_endofopt, at the end of the block or at a malformed option. */
  next() {
    if (this.end - this.pos < 4) return false;
    this.code = this.view.getUint16(this.pos, this.little);
    this.length = this.view.getUint16(this.pos + 2, this.little);
    if (this.code === OPT_ENDOFOPT) return false;
    this.value = this.pos + 4;
    if (this.value + this.length > this.end) {
      this.malformed = true;
      return false;
    }
    this.pos = this.value + (this.length + 3 & ~3);
    return true;
  }
  u8() {
    return this.bytes[this.value];
  }
  /** A 64-bit value as a number (exact below 2^53, which counters and times are). */
  u64() {
    const v = this.view;
    const hi = v.getUint32(this.value + (this.little ? 4 : 0), this.little);
    const lo = v.getUint32(this.value + (this.little ? 0 : 4), this.little);
    return hi * 4294967296 + lo;
  }
  /** A signed 64-bit value (if_tsoffset). */
  i64() {
    const v = this.view;
    const hi = v.getInt32(this.value + (this.little ? 4 : 0), this.little);
    const lo = v.getUint32(this.value + (this.little ? 0 : 4), this.little);
    return hi * 4294967296 + lo;
  }
  /** UTF-8 text (§3.5: strings are not zero-terminated, but some writers add one). */
  text() {
    let end = this.value + this.length;
    while (end > this.value && this.bytes[end - 1] === 0) end--;
    return utf82.decode(this.bytes.subarray(this.value, end));
  }
};

// electron/capture/pcapng-packet-blocks.ts
var pad4 = (n) => n + 3 & ~3;
function noInterface(id, count2) {
  return `refers to interface ${id}, but its section declares ${count2 === 0 ? "no interface" : `only ${count2}`}`;
}
function tooBig(caplen) {
  return `claims ${caplen} captured bytes, more than the ${MAX_RECORD}-byte maximum`;
}
function readEnhancedPacket(s, pos, len, rec, obsolete) {
  const v = s.view;
  const little = s.little;
  if (len < 32) return `is ${len} bytes long, shorter than a packet block's 32`;
  const id = obsolete ? v.getUint16(pos + 8, little) : v.getUint32(pos + 8, little);
  const iface = s.interfaces[id];
  if (iface === void 0) return noInterface(id, s.interfaces.length);
  const caplen = v.getUint32(pos + 20, little);
  if (caplen > MAX_RECORD) return tooBig(caplen);
  const optStart = pos + 28 + pad4(caplen);
  if (optStart > pos + len - 4) return `claims ${caplen} captured bytes, more than its ${len}-byte block holds`;
  const orig = v.getUint32(pos + 24, little);
  setTimestamp(rec, iface.time, v.getUint32(pos + 12, little), v.getUint32(pos + 16, little));
  rec.caplen = caplen;
  rec.wirelen = orig < caplen ? caplen : orig;
  rec.offset = pos + 28;
  rec.linkType = iface.info.linkType;
  rec.interfaceId = id;
  rec.comment = null;
  if (optStart < pos + len - 4) {
    const bad = readComments(s, optStart, pos + len - 4, rec);
    if (bad !== null) return bad;
  }
  iface.info.packets++;
  return null;
}
function readComments(s, from, to, rec) {
  const o = s.opts;
  o.reset(s.view, s.bytes, from, to, s.little);
  while (o.next()) {
    if (o.code !== OPT_COMMENT) continue;
    rec.comment = rec.comment === null ? o.text() : `${rec.comment}
${o.text()}`;
  }
  return o.malformed ? `has an option (code ${o.code}) running past the end of the block` : null;
}
function readSimplePacket(s, pos, len, rec) {
  if (len < 16) return `is ${len} bytes long, shorter than a simple packet block's 16`;
  const iface = s.interfaces[0];
  if (iface === void 0) return noInterface(0, 0);
  const orig = s.view.getUint32(pos + 8, s.little);
  const snaplen = iface.info.snaplen;
  const caplen = snaplen !== 0 && orig > snaplen ? snaplen : orig;
  if (caplen > MAX_RECORD) return tooBig(caplen);
  if (16 + pad4(caplen) > len) return `holds a ${orig}-byte packet that its ${len}-byte block cannot hold`;
  rec.caplen = caplen;
  rec.wirelen = orig;
  rec.offset = pos + 12;
  rec.linkType = iface.info.linkType;
  rec.interfaceId = 0;
  rec.comment = null;
  iface.info.packets++;
  return null;
}

// electron/capture/pcapng-reader.ts
var OTHER_BLOCKS = -1;
var skipReasons = /* @__PURE__ */ new Map([
  [BLOCK_DSB, "pcapng decryption secrets block (not used)"],
  [BLOCK_SYSTEMD_JOURNAL, "pcapng systemd journal block (not a packet)"],
  [BLOCK_CB, "pcapng custom block (not used)"],
  [BLOCK_DCB, "pcapng custom block (not used)"]
]);
function readPcapng(file, cb, sink, shouldStop, hooks = {}) {
  return new PcapngReader(file, cb, sink, shouldStop, hooks).read();
}
var PcapngReader = class {
  constructor(file, cb, sink, shouldStop, hooks) {
    this.file = file;
    this.cb = cb;
    this.sink = sink;
    this.shouldStop = shouldStop;
    this.hooks = hooks;
    this.bytes = cb.buf;
    this.view = new DataView(cb.buf.buffer, cb.buf.byteOffset, cb.buf.byteLength);
  }
  file;
  cb;
  sink;
  shouldStop;
  hooks;
  stats = newReadStats("pcapng");
  opts = new OptionCursor();
  rec = new PacketRecord();
  view;
  bytes;
  little = true;
  interfaces = [];
  section = -1;
  /** Blocks read so far; the one being read is number `blocks + 1`. */
  blocks = 0;
  /** Blocks read per type (packet blocks counted in place, the map filled at the end). */
  blockCounts = /* @__PURE__ */ new Map();
  packetBlocks = [0, 0, 0];
  seenNames = /* @__PURE__ */ new Set();
  async read() {
    const cb = this.cb;
    for (; ; ) {
      if (this.bytes !== cb.buf) {
        this.bytes = cb.buf;
        this.view = new DataView(cb.buf.buffer, cb.buf.byteOffset, cb.buf.byteLength);
      }
      this.rec.data = this.bytes;
      const need = this.readBuffered();
      if (need === 0 || await this.shouldStop()) return this.finish();
      if (!await cb.ensure(need)) {
        if (cb.available > 0) this.cutShort(need);
        return this.finish();
      }
    }
  }
  /**
   * Reads every whole block in the buffer. Returns the bytes needed to go on
   * (the next block's length, or a block header), or 0 when reading must stop.
   */
  readBuffered() {
    const cb = this.cb;
    const v = this.view;
    const end = cb.end;
    let pos = cb.pos;
    try {
      while (end - pos >= BLOCK_OVERHEAD) {
        let little = this.little;
        const type = v.getUint32(pos, little);
        if (type === BLOCK_SHB) {
          if (v.getUint32(pos + 8, true) === BYTE_ORDER_MAGIC) little = true;
          else if (v.getUint32(pos + 8, false) === BYTE_ORDER_MAGIC) little = false;
          else return this.damaged(pos, type, "has no valid byte-order magic");
        }
        const len = v.getUint32(pos + 4, little);
        if (len < BLOCK_OVERHEAD || len % 4 !== 0 || len > MAX_BLOCK) return this.damaged(pos, type, `claims an impossible length of ${len} bytes`);
        if (end - pos < len) return len;
        if (v.getUint32(pos + len - 4, little) !== len) return this.damaged(pos, type, `ends with a length (${v.getUint32(pos + len - 4, little)}) that differs from its header's (${len})`);
        const problem = type === BLOCK_SHB ? this.sectionHeader(pos, len, little) : this.block(type, pos, len);
        if (problem !== null) return this.damaged(pos, type, problem);
        this.blocks++;
        pos += len;
      }
      return BLOCK_OVERHEAD;
    } finally {
      cb.pos = pos;
    }
  }
  /** One block of the current section; returns what is wrong with it, or null. */
  block(type, pos, len) {
    const rec = this.rec;
    let problem = null;
    switch (type) {
      case BLOCK_EPB:
      case BLOCK_PB:
      case BLOCK_SPB:
        problem = type === BLOCK_SPB ? readSimplePacket(this, pos, len, rec) : readEnhancedPacket(this, pos, len, rec, type === BLOCK_PB);
        if (problem !== null) return problem;
        this.packetBlocks[type === BLOCK_EPB ? 0 : type === BLOCK_SPB ? 1 : 2]++;
        rec.fileOffset = this.cb.base + pos;
        rec.index = this.stats.packets;
        this.sink(rec);
        this.stats.packets++;
        return null;
      case BLOCK_IDB:
        problem = this.interfaceDescription(pos, len);
        break;
      case BLOCK_NRB: {
        const before = this.stats.names.length;
        if (!parseNrb(this.view, this.bytes, pos + 8, pos + len - 4, this.little, this.stats.names, this.seenNames)) problem = "has a name record running past the end of the block";
        for (let i = before; i < this.stats.names.length; i++) this.hooks.onName?.(this.stats.names[i], this.stats.packets);
        break;
      }
      case BLOCK_ISB:
        problem = this.interfaceStatistics(pos, len);
        break;
      default:
        countSkip(this.stats, skipReasons.get(type) ?? `pcapng block of unknown type ${blockName(type)}`);
    }
    if (problem === null) this.countBlock(type);
    return problem;
  }
  /** §4.1: starts a new section, forgetting the previous section's interfaces. */
  sectionHeader(pos, len, little) {
    if (len < 28) return `is ${len} bytes long, shorter than a section header's 28`;
    const major = this.view.getUint16(pos + 12, little);
    const minor = this.view.getUint16(pos + 14, little);
    if (major !== 1 || minor !== 0 && minor !== 2) return `has version ${major}.${minor}, which no reader supports`;
    this.little = little;
    this.interfaces = [];
    this.section++;
    this.countBlock(BLOCK_SHB);
    return null;
  }
  interfaceDescription(pos, len) {
    if (len < 20) return `is ${len} bytes long, shorter than an interface description's 20`;
    if (this.stats.interfaces.length >= MAX_INTERFACES) return `declares more than ${MAX_INTERFACES} interfaces`;
    const iface = parseIdb(this.view, this.bytes, pos + 8, pos + len - 4, this.little, this.opts, this.section, this.interfaces.length);
    if (this.opts.malformed) return "has an option running past the end of the block";
    if (iface.badResolution) countSkip(this.stats, "pcapng interface with an impossible timestamp resolution (microseconds assumed)");
    this.interfaces.push(iface);
    this.stats.interfaces.push(iface.info);
    return null;
  }
  interfaceStatistics(pos, len) {
    if (len < 24) return `is ${len} bytes long, shorter than interface statistics' 24`;
    const id = this.view.getUint32(pos + 8, this.little);
    const s = parseIsb(this.view, this.bytes, pos + 8, pos + len - 4, this.little, this.opts, this.section, this.interfaces[id]);
    if (this.opts.malformed) return "has an option running past the end of the block";
    if (this.stats.interfaceStats.length < MAX_INTERFACES) this.stats.interfaceStats.push(s);
    return null;
  }
  countBlock(type) {
    const m = this.blockCounts;
    const key = m.has(type) || m.size < 64 ? type : OTHER_BLOCKS;
    m.set(key, (m.get(key) ?? 0) + 1);
  }
  /**
   * Damage after a valid start ends reading with everything before kept; a file
   * whose very first section header is unusable is no capture at all.
   */
  damaged(pos, type, what) {
    const offset = this.cb.base + pos;
    if (this.section < 0) throw new CaptureFormatError(this.file, offset, `not a readable pcapng file: its section header ${what}`);
    this.stats.partial = true;
    this.stats.problem = `block ${this.blocks + 1} (${blockName(type)}) at byte ${offset} ${what}: the file is damaged from here`;
    return 0;
  }
  cutShort(need) {
    const cb = this.cb;
    if (this.section < 0) throw new CaptureFormatError(this.file, 0, "the file ends inside its first section header");
    const type = cb.available >= 4 ? ` (${blockName(new DataView(cb.buf.buffer, cb.buf.byteOffset).getUint32(cb.pos, this.little))})` : "";
    this.stats.partial = true;
    this.stats.problem = `the file ends inside block ${this.blocks + 1}${type} (at byte ${cb.offset}, ${cb.available} of ${need} bytes present): it was cut short`;
  }
  finish() {
    const counts = this.blockCounts;
    const [epb, spb, pb] = this.packetBlocks;
    if (epb) counts.set(BLOCK_EPB, epb);
    if (spb) counts.set(BLOCK_SPB, spb);
    if (pb) counts.set(BLOCK_PB, pb);
    for (const [type, n] of counts) this.stats.blocks.set(type === OTHER_BLOCKS ? "other" : blockName(type), n);
    tallyLinkTypes(this.stats);
    return this.stats;
  }
};

// electron/capture/capture-file.ts
import { openSync as openSync3, readSync as readSync3, closeSync as closeSync3 } from "node:fs";
var formats = [
  { name: "pcap", sniff: isPcapMagic, read: readPcap },
  { name: "pcapng", sniff: isPcapngMagic, read: readPcapng }
];
var SNIFF_BYTES = 12;
function isGzip(head) {
  return head.length >= 2 && head[0] === 31 && head[1] === 139;
}
function readHead(path, n) {
  const fd = openSync3(path, "r");
  try {
    const head = new Uint8Array(n);
    const got = readSync3(fd, head, 0, n, 0);
    return head.subarray(0, got);
  } finally {
    closeSync3(fd);
  }
}
async function readCaptureFile(path, sink, opts = {}) {
  const compressed = isGzip(readHead(path, 2));
  const source = compressed ? new GzipSource(path) : new FileSource(path);
  opts.onSource?.(source);
  try {
    const cb = new ChunkBuffer(source);
    await cb.ensure(SNIFF_BYTES);
    if (cb.end === 0 && source.error) throw new CaptureFormatError(path, 0, source.error);
    const head = cb.buf.subarray(0, cb.end);
    const format = formats.find((f) => f.sniff(head));
    if (!format) {
      throw new CaptureFormatError(path, 0, cb.end === 0 ? "the file is empty" : "not a capture file (no pcap or pcapng signature)");
    }
    const stats = await format.read(path, cb, sink, opts.shouldStop ?? (() => false), opts.hooks ?? {});
    if (source.error) {
      stats.partial = true;
      stats.problem = `${source.error} (after ${cb.offset} decompressed bytes)`;
    }
    return { stats, compressed };
  } finally {
    source.close();
  }
}

// electron/dissect/decoded-packet.ts
var DecodedPacket = class {
  /** Link type the frame was decoded as. */
  linkType = 0;
  /** Offset of the innermost Ethernet header within the record's bytes, -1 when none. */
  macOffset = -1;
  /** 802.1Q/802.1ad VLAN id of the innermost tag, 0 when untagged. */
  vlan = 0;
  /** Encapsulation the innermost IP was found in ('' when none). */
  tunnel = "";
  /** 4 or 6; 0 when no IP layer was found. */
  ipVersion = 0;
  src0 = 0;
  src1 = 0;
  src2 = 0;
  src3 = 0;
  dst0 = 0;
  dst1 = 0;
  dst2 = 0;
  dst3 = 0;
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
  tcpSackLeft = new Float64Array(4);
  tcpSackRight = new Float64Array(4);
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
  skipReason = "";
  reset(linkType) {
    this.linkType = linkType;
    this.macOffset = -1;
    this.vlan = 0;
    this.tunnel = "";
    this.ipVersion = 0;
    this.src0 = this.src1 = this.src2 = this.src3 = 0;
    this.dst0 = this.dst1 = this.dst2 = this.dst3 = 0;
    this.proto = 0;
    this.ipHeaderLength = 0;
    this.fragOffset = 0;
    this.moreFragments = false;
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
    this.skipReason = "";
  }
  /** Starts over at an inner IP header (tunnels): the outer network layer is forgotten. */
  resetForInner(tunnel) {
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
};

// electron/dissect/dispatch.ts
var linkTypes = new Array(512);
var etherTypes = new Array(65536);
var ipProtocols = new Array(256);
var udpPorts = new Array(65536);
function registerLinkType(dlt, d2) {
  linkTypes[dlt] = d2;
}
function registerEtherType(type, d2) {
  etherTypes[type] = d2;
}
function registerIpProtocol(proto, d2) {
  ipProtocols[proto] = d2;
}
function registerUdpPort(port, d2) {
  udpPorts[port] = d2;
}
function dispatchEtherType(type, d2, off, end, p) {
  const next = etherTypes[type];
  if (next) next(d2, off, end, p);
  else p.skipReason = "non-IP frame";
}
var pppProtocols = new Array(65536);
function registerPppProtocol(proto, d2) {
  pppProtocols[proto] = d2;
}
function dispatchPppProtocol(proto, d2, off, end, p) {
  const next = pppProtocols[proto];
  if (next) next(d2, off, end, p);
  else p.skipReason = "non-IP PPP frame";
}

// electron/dissect/ethernet.ts
var DLT_EN10MB = 1;
var ETHERTYPE_VLAN = 33024;
var ETHERTYPE_QINQ = 34984;
var ETHERTYPE_QINQ_OLD = 37120;
function decodeEthernet(d2, off, end, p) {
  if (end - off < 14) {
    p.truncated = true;
    p.skipReason = "truncated Ethernet header";
    return;
  }
  p.macOffset = off;
  const type = d2[off + 12] << 8 | d2[off + 13];
  if (type < 1536) {
    p.skipReason = "non-IP frame";
    return;
  }
  dispatchEtherType(type, d2, off + 14, end, p);
}
function decodeVlanTag(d2, off, end, p) {
  if (end - off < 4) {
    p.truncated = true;
    p.skipReason = "truncated VLAN tag";
    return;
  }
  p.vlan = (d2[off] & 15) << 8 | d2[off + 1];
  dispatchEtherType(d2[off + 2] << 8 | d2[off + 3], d2, off + 4, end, p);
}
registerLinkType(DLT_EN10MB, decodeEthernet);
registerEtherType(ETHERTYPE_VLAN, decodeVlanTag);
registerEtherType(ETHERTYPE_QINQ, decodeVlanTag);
registerEtherType(ETHERTYPE_QINQ_OLD, decodeVlanTag);

// electron/dissect/ipv4.ts
var ETHERTYPE_IPV4 = 2048;
function decodeIpv4(d2, off, end, p) {
  if (end - off < 20 || d2[off] >> 4 !== 4) {
    p.truncated = end - off < 20;
    p.skipReason = p.truncated ? "truncated IPv4 header" : "malformed IPv4 header";
    return;
  }
  const ihl = (d2[off] & 15) * 4;
  let total = d2[off + 2] << 8 | d2[off + 3];
  if (ihl < 20 || end - off < ihl) {
    p.truncated = true;
    p.skipReason = "malformed IPv4 header";
    return;
  }
  if (total === 0) total = end - off;
  if (total < ihl) {
    p.skipReason = "malformed IPv4 header";
    return;
  }
  p.ipVersion = 4;
  p.ipOffset = off;
  p.ipHeaderLength = ihl;
  p.ipTotalLength = total;
  p.ttl = d2[off + 8];
  p.proto = d2[off + 9];
  p.src0 = d2[off + 12] << 24 | d2[off + 13] << 16 | d2[off + 14] << 8 | d2[off + 15];
  p.dst0 = d2[off + 16] << 24 | d2[off + 17] << 16 | d2[off + 18] << 8 | d2[off + 19];
  p.ipId = d2[off + 4] << 8 | d2[off + 5];
  p.moreFragments = (d2[off + 6] & 32) !== 0;
  p.fragOffset = ((d2[off + 6] & 31) << 8 | d2[off + 7]) * 8;
  if (p.fragOffset !== 0) return;
  const ipEnd = off + total;
  const next = ipProtocols[p.proto];
  if (next) next(d2, off + ihl, ipEnd < end ? ipEnd : end, p);
  if (p.hasPorts && p.ipOffset === off) p.payloadWireLength = off + total - p.payloadOffset;
}
registerEtherType(ETHERTYPE_IPV4, decodeIpv4);

// electron/dissect/ipv6.ts
var ETHERTYPE_IPV6 = 34525;
var HOP_BY_HOP = 0;
var ROUTING = 43;
var FRAGMENT = 44;
var AUTH = 51;
var DEST_OPTS = 60;
var MOBILITY = 135;
var MAX_EXTENSIONS = 8;
function word(d2, o) {
  return d2[o] << 24 | d2[o + 1] << 16 | d2[o + 2] << 8 | d2[o + 3];
}
function decodeIpv6(d2, off, end, p) {
  if (end - off < 40 || d2[off] >> 4 !== 6) {
    p.truncated = end - off < 40;
    p.skipReason = p.truncated ? "truncated IPv6 header" : "malformed IPv6 header";
    return;
  }
  const payloadLen = d2[off + 4] << 8 | d2[off + 5];
  p.ipVersion = 6;
  p.ipOffset = off;
  p.ttl = d2[off + 7];
  p.src0 = word(d2, off + 8);
  p.src1 = word(d2, off + 12);
  p.src2 = word(d2, off + 16);
  p.src3 = word(d2, off + 20);
  p.dst0 = word(d2, off + 24);
  p.dst1 = word(d2, off + 28);
  p.dst2 = word(d2, off + 32);
  p.dst3 = word(d2, off + 36);
  const total = payloadLen === 0 ? end - off : 40 + payloadLen;
  p.ipTotalLength = total;
  const ipEnd = off + total < end ? off + total : end;
  let next = d2[off + 6];
  let o = off + 40;
  for (let i = 0; i < MAX_EXTENSIONS; i++) {
    if (next === HOP_BY_HOP || next === ROUTING || next === DEST_OPTS || next === MOBILITY) {
      if (ipEnd - o < 8) return truncatedExt(p, next);
      const len = (d2[o + 1] + 1) * 8;
      next = d2[o];
      o += len;
    } else if (next === FRAGMENT) {
      if (ipEnd - o < 8) return truncatedExt(p, next);
      const fragOffset = (d2[o + 2] << 8 | d2[o + 3]) & 65528;
      p.fragOffset = fragOffset;
      p.moreFragments = (d2[o + 3] & 1) !== 0;
      p.ipId = (d2[o + 4] << 24 | d2[o + 5] << 16 | d2[o + 6] << 8 | d2[o + 7]) >>> 0;
      next = d2[o];
      o += 8;
      if (fragOffset !== 0) {
        p.proto = next;
        p.ipHeaderLength = o - off;
        return;
      }
    } else if (next === AUTH) {
      if (ipEnd - o < 8) return truncatedExt(p, next);
      const len = (d2[o + 1] + 2) * 4;
      next = d2[o];
      o += len;
    } else {
      break;
    }
  }
  p.proto = next;
  p.ipHeaderLength = o - off;
  if (o > ipEnd) return truncatedExt(p, next);
  const decoder = ipProtocols[next];
  if (decoder) decoder(d2, o, ipEnd, p);
  if (p.hasPorts && p.ipOffset === off) p.payloadWireLength = off + total - p.payloadOffset;
}
function truncatedExt(p, next) {
  p.proto = next;
  p.truncated = true;
}
registerEtherType(ETHERTYPE_IPV6, decodeIpv6);

// electron/dissect/ppp.ts
var DLT_PPP = 9;
var DLT_PPP_HDLC = 50;
var DLT_PPP_WITH_DIR = 204;
var PPP_IPV4 = 33;
var PPP_IPV6 = 87;
function decodePppProtocol(d2, off, end, p) {
  if (end - off < 1 || (d2[off] & 1) === 0 && end - off < 2) {
    p.truncated = true;
    p.skipReason = "truncated PPP header";
    return;
  }
  if (d2[off] & 1) dispatchPppProtocol(d2[off], d2, off + 1, end, p);
  else dispatchPppProtocol(d2[off] << 8 | d2[off + 1], d2, off + 2, end, p);
}
function decodePppHdlc(d2, off, end, p) {
  if (end - off >= 1 && (d2[off] === 15 || d2[off] === 143)) {
    if (end - off < 4) {
      p.truncated = true;
      p.skipReason = "truncated Cisco HDLC header";
      return;
    }
    dispatchEtherType(d2[off + 2] << 8 | d2[off + 3], d2, off + 4, end, p);
    return;
  }
  if (end - off >= 2 && d2[off] === 255 && d2[off + 1] === 3) off += 2;
  decodePppProtocol(d2, off, end, p);
}
function decodePppWithDirection(d2, off, end, p) {
  if (end - off < 1) {
    p.truncated = true;
    p.skipReason = "truncated PPP header";
    return;
  }
  decodePppHdlc(d2, off + 1, end, p);
}
registerLinkType(DLT_PPP, decodePppHdlc);
registerLinkType(DLT_PPP_HDLC, decodePppHdlc);
registerLinkType(DLT_PPP_WITH_DIR, decodePppWithDirection);
registerPppProtocol(PPP_IPV4, decodeIpv4);
registerPppProtocol(PPP_IPV6, decodeIpv6);

// electron/dissect/linux-sll.ts
var DLT_LINUX_SLL = 113;
var SLL_HEADER = 16;
var ARPHRD_NETLINK = 824;
var SLL_P_PPPHDLC = 7;
function dispatchSllProtocol(hatype, proto, d2, off, end, p) {
  if (hatype === ARPHRD_NETLINK) p.skipReason = "netlink message";
  else if (proto >= 1536) dispatchEtherType(proto, d2, off, end, p);
  else if (proto === SLL_P_PPPHDLC) decodePppHdlc(d2, off, end, p);
  else p.skipReason = "non-IP frame";
}
function decodeSll(d2, off, end, p) {
  if (end - off < SLL_HEADER) {
    p.truncated = true;
    p.skipReason = "truncated Linux cooked header";
    return;
  }
  dispatchSllProtocol(d2[off + 2] << 8 | d2[off + 3], d2[off + 14] << 8 | d2[off + 15], d2, off + SLL_HEADER, end, p);
}
registerLinkType(DLT_LINUX_SLL, decodeSll);

// electron/dissect/linux-sll2.ts
var DLT_LINUX_SLL2 = 276;
var SLL2_HEADER = 20;
function decodeSll2(d2, off, end, p) {
  if (end - off < SLL2_HEADER) {
    p.truncated = true;
    p.skipReason = "truncated Linux cooked header";
    return;
  }
  dispatchSllProtocol(d2[off + 8] << 8 | d2[off + 9], d2[off] << 8 | d2[off + 1], d2, off + SLL2_HEADER, end, p);
}
registerLinkType(DLT_LINUX_SLL2, decodeSll2);

// electron/dissect/raw-ip.ts
var DLT_RAW = 101;
var DLT_RAW_BSD = 12;
var DLT_RAW_BSDOS = 14;
var DLT_IPV4 = 228;
var DLT_IPV6 = 229;
function decodeRawIp(d2, off, end, p) {
  if (end - off < 1) {
    p.truncated = true;
    p.skipReason = "truncated IP header";
    return;
  }
  const version = d2[off] >> 4;
  if (version === 4) decodeIpv4(d2, off, end, p);
  else if (version === 6) decodeIpv6(d2, off, end, p);
  else p.skipReason = "raw frame that is neither IPv4 nor IPv6";
}
registerLinkType(DLT_RAW, decodeRawIp);
registerLinkType(DLT_RAW_BSD, decodeRawIp);
registerLinkType(DLT_RAW_BSDOS, decodeRawIp);
registerLinkType(DLT_IPV4, decodeIpv4);
registerLinkType(DLT_IPV6, decodeIpv6);

// electron/dissect/bsd-loopback.ts
var DLT_NULL = 0;
var DLT_LOOP = 108;
var AF_INET = 2;
var AF_INET6_BSD = 24;
var AF_INET6_FREEBSD = 28;
var AF_INET6_DARWIN = 30;
var MAX_8023_LENGTH = 1500;
function dispatchFamily(family, d2, off, end, p) {
  if (family === AF_INET) decodeIpv4(d2, off, end, p);
  else if (family === AF_INET6_BSD || family === AF_INET6_FREEBSD || family === AF_INET6_DARWIN) decodeIpv6(d2, off, end, p);
  else p.skipReason = "non-IP loopback frame";
}
function truncated(p) {
  p.truncated = true;
  p.skipReason = "truncated loopback header";
}
function decodeNull(d2, off, end, p) {
  if (end - off < 4) return truncated(p);
  let family = (d2[off] | d2[off + 1] << 8 | d2[off + 2] << 16 | d2[off + 3] << 24) >>> 0;
  if (family > 65535) family = (d2[off] << 24 | d2[off + 1] << 16 | d2[off + 2] << 8 | d2[off + 3]) >>> 0;
  if (family > MAX_8023_LENGTH) dispatchEtherType(family, d2, off + 4, end, p);
  else dispatchFamily(family, d2, off + 4, end, p);
}
function decodeLoop(d2, off, end, p) {
  if (end - off < 4) return truncated(p);
  dispatchFamily((d2[off] << 24 | d2[off + 1] << 16 | d2[off + 2] << 8 | d2[off + 3]) >>> 0, d2, off + 4, end, p);
}
registerLinkType(DLT_NULL, decodeNull);
registerLinkType(DLT_LOOP, decodeLoop);

// electron/dissect/pppoe.ts
var ETHERTYPE_PPPOE_SESSION = 34916;
var DLT_PPP_ETHER = 51;
var PPPOE_HEADER = 6;
function decodePppoeSession(d2, off, end, p) {
  if (end - off < PPPOE_HEADER) {
    p.truncated = true;
    p.skipReason = "truncated PPPoE header";
    return;
  }
  p.tunnel = "pppoe";
  const payloadEnd = off + PPPOE_HEADER + (d2[off + 4] << 8 | d2[off + 5]);
  decodePppProtocol(d2, off + PPPOE_HEADER, payloadEnd < end ? payloadEnd : end, p);
}
registerEtherType(ETHERTYPE_PPPOE_SESSION, decodePppoeSession);
registerLinkType(DLT_PPP_ETHER, decodePppoeSession);

// electron/dissect/cisco-hdlc.ts
var DLT_C_HDLC = 104;
function decodeCiscoHdlc(d2, off, end, p) {
  if (end - off < 4) {
    p.truncated = true;
    p.skipReason = "truncated Cisco HDLC header";
    return;
  }
  dispatchEtherType(d2[off + 2] << 8 | d2[off + 3], d2, off + 4, end, p);
}
registerLinkType(DLT_C_HDLC, decodeCiscoHdlc);

// electron/dissect/mpls.ts
var ETHERTYPE_MPLS = 34887;
var ETHERTYPE_MPLS_MULTICAST = 34888;
var PPP_MPLS = 641;
var PPP_MPLS_MULTICAST = 643;
var MAX_LABELS = 32;
function decodeMpls(d2, off, end, p) {
  for (let i = 0; ; i++) {
    if (end - off < 4) {
      p.truncated = true;
      p.skipReason = "truncated MPLS label stack";
      return;
    }
    const bottom = (d2[off + 2] & 1) !== 0;
    off += 4;
    if (bottom) break;
    if (i + 1 === MAX_LABELS) {
      p.skipReason = "MPLS label stack too deep";
      return;
    }
  }
  if (end - off < 1) {
    p.truncated = true;
    p.skipReason = "truncated MPLS payload";
    return;
  }
  const version = d2[off] >> 4;
  if (version === 4) decodeIpv4(d2, off, end, p);
  else if (version === 6) decodeIpv6(d2, off, end, p);
  else p.skipReason = "non-IP MPLS payload";
}
registerEtherType(ETHERTYPE_MPLS, decodeMpls);
registerEtherType(ETHERTYPE_MPLS_MULTICAST, decodeMpls);
registerPppProtocol(PPP_MPLS, decodeMpls);
registerPppProtocol(PPP_MPLS_MULTICAST, decodeMpls);

// electron/dissect/tcp.ts
var IPPROTO_TCP = 6;
var TCP_FIN = 1;
var TCP_SYN = 2;
var TCP_RST = 4;
var TCP_PSH = 8;
var TCP_ACK = 16;
var TCP_URG = 32;
var TCP_ECE = 64;
var TCP_CWR = 128;
function decodeTcp(d2, off, end, p) {
  if (end - off < 20) {
    p.truncated = true;
    return;
  }
  const hlen = (d2[off + 12] >> 4) * 4;
  p.l4Offset = off;
  p.srcPort = d2[off] << 8 | d2[off + 1];
  p.dstPort = d2[off + 2] << 8 | d2[off + 3];
  p.tcpSeq = (d2[off + 4] << 24 | d2[off + 5] << 16 | d2[off + 6] << 8 | d2[off + 7]) >>> 0;
  p.tcpAck = (d2[off + 8] << 24 | d2[off + 9] << 16 | d2[off + 10] << 8 | d2[off + 11]) >>> 0;
  p.tcpFlags = d2[off + 13];
  p.tcpWindow = d2[off + 14] << 8 | d2[off + 15];
  p.tcpHeaderLength = hlen;
  p.hasPorts = true;
  if (hlen < 20) {
    p.truncated = true;
    p.payloadOffset = off + 20;
    p.payloadLength = 0;
    return;
  }
  if (hlen > 20) decodeOptions(d2, off + 20, Math.min(off + hlen, end), p);
  p.payloadOffset = off + hlen;
  p.payloadLength = end - off > hlen ? end - off - hlen : 0;
}
function decodeOptions(d2, o, end, p) {
  while (o < end) {
    const kind = d2[o];
    if (kind === 0) return;
    if (kind === 1) {
      o++;
      continue;
    }
    if (o + 1 >= end) return;
    const len = d2[o + 1];
    if (len < 2 || o + len > end) return;
    switch (kind) {
      case 2:
        if (len === 4) p.tcpMss = d2[o + 2] << 8 | d2[o + 3];
        break;
      case 3:
        if (len === 3) p.tcpWindowScale = d2[o + 2];
        break;
      case 4:
        p.tcpSackPermitted = true;
        break;
      case 5: {
        const n = Math.min(4, len - 2 >> 3);
        for (let i = 0; i < n; i++) {
          const b = o + 2 + i * 8;
          p.tcpSackLeft[i] = (d2[b] << 24 | d2[b + 1] << 16 | d2[b + 2] << 8 | d2[b + 3]) >>> 0;
          p.tcpSackRight[i] = (d2[b + 4] << 24 | d2[b + 5] << 16 | d2[b + 6] << 8 | d2[b + 7]) >>> 0;
        }
        p.tcpSackCount = n;
        break;
      }
      case 8:
        if (len === 10) {
          p.tcpHasTimestamp = true;
          p.tcpTsVal = (d2[o + 2] << 24 | d2[o + 3] << 16 | d2[o + 4] << 8 | d2[o + 5]) >>> 0;
          p.tcpTsEcr = (d2[o + 6] << 24 | d2[o + 7] << 16 | d2[o + 8] << 8 | d2[o + 9]) >>> 0;
        }
        break;
    }
    o += len;
  }
}
registerIpProtocol(IPPROTO_TCP, decodeTcp);

// electron/dissect/udp.ts
var IPPROTO_UDP = 17;
function decodeUdp(d2, off, end, p) {
  if (end - off < 8) {
    p.truncated = true;
    return;
  }
  p.l4Offset = off;
  p.srcPort = d2[off] << 8 | d2[off + 1];
  p.dstPort = d2[off + 2] << 8 | d2[off + 3];
  p.hasPorts = true;
  p.payloadOffset = off + 8;
  p.payloadLength = end - off - 8;
  const tunnel = udpPorts[p.dstPort];
  if (tunnel) tunnel(d2, off + 8, end, p);
}
registerIpProtocol(IPPROTO_UDP, decodeUdp);

// electron/dissect/icmp.ts
var IPPROTO_ICMP = 1;
var IPPROTO_ICMPV6 = 58;
var ICMP4_ERRORS = /* @__PURE__ */ new Set([3, 4, 5, 11, 12]);
var ICMP6_ERRORS = /* @__PURE__ */ new Set([1, 2, 3, 4]);
function word2(d2, o) {
  return d2[o] << 24 | d2[o + 1] << 16 | d2[o + 2] << 8 | d2[o + 3];
}
function isEchoType(proto, type) {
  return proto === IPPROTO_ICMP ? type === 8 || type === 0 : type === 128 || type === 129;
}
function attributeToQuotedFlow(d2, o, end, p) {
  if (end - o < 20) return false;
  const version = d2[o] >> 4;
  let proto;
  let l4;
  if (version === 4) {
    const ihl = (d2[o] & 15) * 4;
    const fragOffset = (d2[o + 6] & 31) << 8 | d2[o + 7];
    if (ihl < 20 || fragOffset !== 0) return false;
    proto = d2[o + 9];
    l4 = o + ihl;
    if (end - l4 < 4) return false;
    p.src0 = word2(d2, o + 16);
    p.dst0 = word2(d2, o + 12);
    p.src1 = p.src2 = p.src3 = p.dst1 = p.dst2 = p.dst3 = 0;
  } else if (version === 6) {
    if (end - o < 44) return false;
    proto = d2[o + 6];
    l4 = o + 40;
    p.src0 = word2(d2, o + 24);
    p.src1 = word2(d2, o + 28);
    p.src2 = word2(d2, o + 32);
    p.src3 = word2(d2, o + 36);
    p.dst0 = word2(d2, o + 8);
    p.dst1 = word2(d2, o + 12);
    p.dst2 = word2(d2, o + 16);
    p.dst3 = word2(d2, o + 20);
  } else {
    return false;
  }
  p.ipVersion = version;
  p.proto = proto;
  if (proto === IPPROTO_TCP || proto === IPPROTO_UDP) {
    p.srcPort = d2[l4 + 2] << 8 | d2[l4 + 3];
    p.dstPort = d2[l4] << 8 | d2[l4 + 1];
  } else if ((proto === IPPROTO_ICMP || proto === IPPROTO_ICMPV6) && end - l4 >= 8 && isEchoType(proto, d2[l4])) {
    p.srcPort = p.dstPort = d2[l4 + 4] << 8 | d2[l4 + 5];
  } else {
    p.srcPort = p.dstPort = 0;
  }
  p.icmpError = true;
  p.hasPorts = true;
  p.tcpFlags = 0;
  p.payloadOffset = end;
  p.payloadLength = 0;
  return true;
}
function decodeIcmp(echoRequest, echoReply, errors) {
  return (d2, off, end, p) => {
    if (end - off < 4) {
      p.truncated = true;
      return;
    }
    p.icmpType = d2[off];
    p.icmpCode = d2[off + 1];
    p.l4Offset = off;
    if (errors.has(p.icmpType) && attributeToQuotedFlow(d2, off + 8, end, p)) return;
    p.hasPorts = true;
    const isEcho = (p.icmpType === echoRequest || p.icmpType === echoReply) && end - off >= 8;
    const id = isEcho ? d2[off + 4] << 8 | d2[off + 5] : 0;
    p.srcPort = id;
    p.dstPort = id;
    p.payloadOffset = off + 8 <= end ? off + 8 : end;
    p.payloadLength = end - p.payloadOffset;
  };
}
registerIpProtocol(IPPROTO_ICMP, decodeIcmp(8, 0, ICMP4_ERRORS));
registerIpProtocol(IPPROTO_ICMPV6, decodeIcmp(128, 129, ICMP6_ERRORS));

// electron/dissect/gre.ts
var IPPROTO_GRE = 47;
var TRANSPARENT_ETHERNET = 25944;
var ERSPAN_II = 35006;
var ERSPAN_III = 8939;
function decodeGre(d2, off, end, p) {
  if (end - off < 4) return;
  const flags = d2[off];
  if ((d2[off + 1] & 7) !== 0) return;
  let o = off + 4;
  if (flags & 128) o += 4;
  if (flags & 32) o += 4;
  if (flags & 16) o += 4;
  if (o > end) return;
  const type = d2[off + 2] << 8 | d2[off + 3];
  if (type === TRANSPARENT_ETHERNET) return inner(d2, o, end, p, "gre", true);
  if (type === ERSPAN_II) return inner(d2, o + 8, end, p, "erspan", true);
  if (type === ERSPAN_III) {
    const hasSub = o + 12 <= end && (d2[o + 11] & 1) !== 0;
    return inner(d2, o + 12 + (hasSub ? 8 : 0), end, p, "erspan", true);
  }
  if (type === 2048 || type === 34525) inner(d2, o, end, p, "gre", false, type);
}
function inner(d2, o, end, p, tunnel, ethernet, etherType = 0) {
  if (o >= end) return;
  p.resetForInner(tunnel);
  if (ethernet) decodeEthernet(d2, o, end, p);
  else dispatchEtherType(etherType, d2, o, end, p);
  if (p.ipVersion === 0 && !p.skipReason) p.skipReason = `no IP inside ${tunnel}`;
}
registerIpProtocol(IPPROTO_GRE, decodeGre);

// electron/dissect/vxlan.ts
var VXLAN_PORT = 4789;
function decodeVxlan(d2, off, end, p) {
  if (end - off < 8 + 14 || (d2[off] & 8) === 0) return;
  p.resetForInner("vxlan");
  decodeEthernet(d2, off + 8, end, p);
  if (p.ipVersion === 0 && !p.skipReason) p.skipReason = "no IP inside vxlan";
}
registerUdpPort(VXLAN_PORT, decodeVxlan);

// electron/dissect/ip-in-ip.ts
function tunnelled(decode) {
  return (d2, off, end, p) => {
    if (end - off < 20) return;
    p.resetForInner("ipip");
    decode(d2, off, end, p);
  };
}
registerIpProtocol(4, tunnelled(decodeIpv4));
registerIpProtocol(41, tunnelled(decodeIpv6));

// electron/dissect/packet-decoder.ts
function decodePacket(rec, p) {
  p.reset(rec.linkType);
  const decoder = linkTypes[rec.linkType];
  if (!decoder) {
    p.skipReason = `unsupported link type ${rec.linkType}`;
    return;
  }
  decoder(rec.data, rec.offset, rec.offset + rec.caplen, p);
}

// electron/flows/app-signatures.ts
import { readFileSync } from "node:fs";
import { join as join2 } from "node:path";
import { z } from "zod";

// electron/app-paths.ts
import { existsSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
function projectRoot() {
  if (process.env.FLOWSIGHT_ROOT) return process.env.FLOWSIGHT_ROOT;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (; ; ) {
    if (existsSync(join(dir, "package.json")) && existsSync(join(dir, "resources"))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error("cannot find the Flowsight installation (package.json with resources/); set FLOWSIGHT_ROOT");
    dir = up;
  }
}
function resourcesDir() {
  return join(projectRoot(), "resources");
}

// electron/flows/app-signatures.ts
var SignatureFile = z.object({
  version: z.literal(1),
  apps: z.array(z.object({ app: z.string().min(1), category: z.string().min(1), domains: z.array(z.string().min(1)) })),
  ports: z.array(z.object({ proto: z.enum(["tcp", "udp"]), port: z.number().int().min(0).max(65535), app: z.string().min(1), category: z.string().min(1) }))
});
var AppSignatures = class _AppSignatures {
  domains = /* @__PURE__ */ new Map();
  ports = /* @__PURE__ */ new Map();
  constructor(data, source = "app signatures") {
    const parsed = SignatureFile.safeParse(data);
    if (!parsed.success) throw new Error(`${source}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
    for (const a of parsed.data.apps) for (const d2 of a.domains) this.domains.set(d2.toLowerCase(), { app: a.app, category: a.category });
    for (const p of parsed.data.ports) this.ports.set(`${p.proto}/${p.port}`, { app: p.app, category: p.category });
  }
  static load(path = join2(resourcesDir(), "app-signatures.json")) {
    return new _AppSignatures(JSON.parse(readFileSync(path, "utf8")), path);
  }
  byName(name) {
    let n = name.toLowerCase().replace(/\.$/, "");
    for (; ; ) {
      const hit = this.domains.get(n);
      if (hit) return hit;
      const dot = n.indexOf(".");
      if (dot < 0) return null;
      n = n.slice(dot + 1);
    }
  }
  byPort(proto, port) {
    return this.ports.get(`${proto}/${port}`) ?? null;
  }
  identify(e) {
    if (e.dnsQuery !== null) return this.byPort(e.proto, e.dstPort) ?? this.byPort(e.proto, e.srcPort) ?? { app: "DNS", category: "infrastructure" };
    for (const name of [e.sni, e.httpHost, e.dstName]) {
      if (!name) continue;
      const hit = this.byName(name);
      if (hit) return hit;
    }
    return this.byPort(e.proto, e.dstPort) ?? this.byPort(e.proto, e.srcPort);
  }
};

// shared/fields/application.ts
var applicationFields = [
  { name: "app", label: "App", type: "text", group: "application", since: 2, description: "Coarse application identity from SNI, DNS and HTTP host signatures and ports (resources/app-signatures.json)" },
  { name: "app_category", label: "Category", type: "text", group: "application", since: 2, description: "Service category of the app (search, social, video, messaging, cloud, \u2026), from the same signature file" },
  { name: "sni", label: "SNI", type: "text", group: "application", since: 2, description: "TLS server name from the ClientHello (QUIC: from the decrypted Initial)" },
  { name: "alpn", label: "ALPN", type: "text", group: "application", since: 2, description: "ALPN protocols offered by the client, comma-separated (the server's choice in alpn_server)" },
  { name: "alpn_server", label: "ALPN (server)", type: "text", group: "application", since: 2, description: "ALPN protocol chosen in the ServerHello" },
  { name: "tls_version", label: "TLS version", type: "text", group: "application", since: 2, description: "Negotiated TLS version (supported_versions in the ServerHello, else its legacy version)" },
  { name: "tls_cipher", label: "TLS cipher", type: "text", group: "application", since: 2, description: "Cipher suite chosen by the server, as 0xNNNN" },
  { name: "ja3", label: "JA3", type: "text", group: "application", since: 2, description: "JA3 hash of the ClientHello (GREASE excluded)" },
  { name: "ja3s", label: "JA3S", type: "text", group: "application", since: 2, description: "JA3S hash of the ServerHello" },
  { name: "ja4", label: "JA4", type: "text", group: "application", since: 2, description: "JA4 fingerprint of the ClientHello (t\u2026 for TLS over TCP, q\u2026 for QUIC)" },
  { name: "quic_version", label: "QUIC version", type: "text", group: "application", since: 2, description: "QUIC version of the Initial packets, as 0xNNNNNNNN" },
  { name: "http_host", label: "HTTP host", type: "text", group: "application", since: 2, description: "Host header of the first HTTP/1.x request" },
  { name: "http_method", label: "HTTP method", type: "text", group: "application", since: 2, description: "Method of the first HTTP/1.x request" },
  { name: "http_user_agent", label: "User-Agent", type: "text", group: "application", since: 2, description: "User-Agent of the first HTTP/1.x request" },
  { name: "dns_query", label: "DNS query", type: "text", group: "application", since: 2, description: "Name asked in the first DNS query of a DNS flow" },
  { name: "dns_qtype", label: "DNS type", type: "int", group: "application", since: 2, description: "Query type of that question (1 A, 28 AAAA, \u2026)" },
  { name: "dns_rcode", label: "DNS rcode", type: "int", group: "application", since: 2, description: "Response code of the first answer (0 NOERROR, 3 NXDOMAIN, \u2026)" },
  { name: "dhcp_hostname", label: "DHCP hostname", type: "text", group: "application", since: 2, description: "Client hostname (option 12) from a DHCP flow" },
  { name: "dhcp_client_mac", label: "DHCP client MAC", type: "text", group: "application", since: 2, description: "Client hardware address (chaddr) from a DHCP flow" }
];

// shared/fields/cicflowmeter.ts
var cicFields = [
  { name: "fwd_payload_bytes", label: "Fwd payload bytes", type: "int", group: "cicflowmeter", since: 2, description: "Transport payload bytes sent by the source", cic: "Total Length of Fwd Packets", unit: "bytes", feature: true },
  { name: "fwd_payload_max", label: "Fwd payload max", type: "real", group: "cicflowmeter", since: 2, description: "Max transport payload length of packets from the source (CICFlowMeter packet length)", cic: "Fwd Packet Length Max", unit: "bytes", feature: true },
  { name: "fwd_payload_min", label: "Fwd payload min", type: "real", group: "cicflowmeter", since: 2, description: "Min transport payload length of packets from the source (CICFlowMeter packet length)", cic: "Fwd Packet Length Min", unit: "bytes", feature: true },
  { name: "fwd_payload_mean", label: "Fwd payload mean", type: "real", group: "cicflowmeter", since: 2, description: "Mean transport payload length of packets from the source (CICFlowMeter packet length)", cic: "Fwd Packet Length Mean", unit: "bytes", feature: true },
  { name: "fwd_payload_std", label: "Fwd payload std", type: "real", group: "cicflowmeter", since: 2, description: "Std transport payload length of packets from the source (CICFlowMeter packet length)", cic: "Fwd Packet Length Std", unit: "bytes", feature: true },
  { name: "bwd_payload_bytes", label: "Bwd payload bytes", type: "int", group: "cicflowmeter", since: 2, description: "Transport payload bytes sent by the destination", cic: "Total Length of Bwd Packets", unit: "bytes", feature: true },
  { name: "bwd_payload_max", label: "Bwd payload max", type: "real", group: "cicflowmeter", since: 2, description: "Max transport payload length of packets from the destination (CICFlowMeter packet length)", cic: "Bwd Packet Length Max", unit: "bytes", feature: true },
  { name: "bwd_payload_min", label: "Bwd payload min", type: "real", group: "cicflowmeter", since: 2, description: "Min transport payload length of packets from the destination (CICFlowMeter packet length)", cic: "Bwd Packet Length Min", unit: "bytes", feature: true },
  { name: "bwd_payload_mean", label: "Bwd payload mean", type: "real", group: "cicflowmeter", since: 2, description: "Mean transport payload length of packets from the destination (CICFlowMeter packet length)", cic: "Bwd Packet Length Mean", unit: "bytes", feature: true },
  { name: "bwd_payload_std", label: "Bwd payload std", type: "real", group: "cicflowmeter", since: 2, description: "Std transport payload length of packets from the destination (CICFlowMeter packet length)", cic: "Bwd Packet Length Std", unit: "bytes", feature: true },
  { name: "flow_bytes_per_s", label: "Bytes/s", type: "real", group: "cicflowmeter", since: 2, description: "Payload bytes per second over the flow duration (empty when the duration is 0)", cic: "Flow Bytes/s", unit: "bytes/s", feature: true },
  { name: "flow_packets_per_s", label: "Packets/s", type: "real", group: "cicflowmeter", since: 2, description: "Packets per second over the flow duration", cic: "Flow Packets/s", unit: "packets/s", feature: true },
  { name: "flow_iat_mean", label: "Flow IAT mean", type: "real", group: "cicflowmeter", since: 2, description: "Mean inter-arrival time of all packets, seconds", cic: "Flow IAT Mean", cicScale: 1e6, unit: "s", feature: true },
  { name: "flow_iat_std", label: "Flow IAT std", type: "real", group: "cicflowmeter", since: 2, description: "Std inter-arrival time of all packets, seconds", cic: "Flow IAT Std", cicScale: 1e6, unit: "s", feature: true },
  { name: "flow_iat_max", label: "Flow IAT max", type: "real", group: "cicflowmeter", since: 2, description: "Max inter-arrival time of all packets, seconds", cic: "Flow IAT Max", cicScale: 1e6, unit: "s", feature: true },
  { name: "flow_iat_min", label: "Flow IAT min", type: "real", group: "cicflowmeter", since: 2, description: "Min inter-arrival time of all packets, seconds", cic: "Flow IAT Min", cicScale: 1e6, unit: "s", feature: true },
  { name: "fwd_iat_total", label: "Fwd IAT total", type: "real", group: "cicflowmeter", since: 2, description: "Sum of inter-arrival times of packets from the source, seconds", cic: "Fwd IAT Total", cicScale: 1e6, unit: "s", feature: true },
  { name: "bwd_iat_total", label: "Bwd IAT total", type: "real", group: "cicflowmeter", since: 2, description: "Sum of inter-arrival times of packets from the destination, seconds", cic: "Bwd IAT Total", cicScale: 1e6, unit: "s", feature: true },
  { name: "fwd_psh_flags", label: "Fwd PSH", type: "int", group: "cicflowmeter", since: 2, description: "Packets with PSH set in the forward direction", cic: "Fwd PSH Flags", feature: true },
  { name: "bwd_psh_flags", label: "Bwd PSH", type: "int", group: "cicflowmeter", since: 2, description: "Packets with PSH set in the backward direction", cic: "Bwd PSH Flags", feature: true },
  { name: "fwd_urg_flags", label: "Fwd URG", type: "int", group: "cicflowmeter", since: 2, description: "Packets with URG set in the forward direction", cic: "Fwd URG Flags", feature: true },
  { name: "bwd_urg_flags", label: "Bwd URG", type: "int", group: "cicflowmeter", since: 2, description: "Packets with URG set in the backward direction", cic: "Bwd URG Flags", feature: true },
  { name: "fwd_header_bytes", label: "Fwd header bytes", type: "int", group: "cicflowmeter", since: 2, description: "Transport header bytes (TCP header with options, UDP 8) of packets from the source, as CICFlowMeter counts header length", cic: "Fwd Header Length", unit: "bytes", feature: true },
  { name: "bwd_header_bytes", label: "Bwd header bytes", type: "int", group: "cicflowmeter", since: 2, description: "Transport header bytes (TCP header with options, UDP 8) of packets from the destination, as CICFlowMeter counts header length", cic: "Bwd Header Length", unit: "bytes", feature: true },
  { name: "fwd_packets_per_s", label: "Fwd packets/s", type: "real", group: "cicflowmeter", since: 2, description: "Packets from the source per second of flow duration", cic: "Fwd Packets/s", unit: "packets/s", feature: true },
  { name: "bwd_packets_per_s", label: "Bwd packets/s", type: "real", group: "cicflowmeter", since: 2, description: "Packets from the destination per second of flow duration", cic: "Bwd Packets/s", unit: "packets/s", feature: true },
  { name: "payload_min", label: "Payload min", type: "real", group: "cicflowmeter", since: 2, description: "Min transport payload length over all packets", cic: "Min Packet Length", unit: "bytes", feature: true },
  { name: "payload_max", label: "Payload max", type: "real", group: "cicflowmeter", since: 2, description: "Max transport payload length over all packets", cic: "Max Packet Length", unit: "bytes", feature: true },
  { name: "payload_mean", label: "Payload mean", type: "real", group: "cicflowmeter", since: 2, description: "Mean transport payload length over all packets", cic: "Packet Length Mean", unit: "bytes", feature: true },
  { name: "payload_std", label: "Payload std", type: "real", group: "cicflowmeter", since: 2, description: "Std transport payload length over all packets", cic: "Packet Length Std", unit: "bytes", feature: true },
  { name: "payload_var", label: "Payload var", type: "real", group: "cicflowmeter", since: 2, description: "Variance transport payload length over all packets", cic: "Packet Length Variance", unit: "bytes", feature: true },
  { name: "fin_count", label: "FIN count", type: "int", group: "cicflowmeter", since: 2, description: "Packets with FIN set, both directions", cic: "FIN Flag Count", feature: true },
  { name: "syn_count", label: "SYN count", type: "int", group: "cicflowmeter", since: 2, description: "Packets with SYN set, both directions", cic: "SYN Flag Count", feature: true },
  { name: "rst_count", label: "RST count", type: "int", group: "cicflowmeter", since: 2, description: "Packets with RST set, both directions", cic: "RST Flag Count", feature: true },
  { name: "psh_count", label: "PSH count", type: "int", group: "cicflowmeter", since: 2, description: "Packets with PSH set, both directions", cic: "PSH Flag Count", feature: true },
  { name: "ack_count", label: "ACK count", type: "int", group: "cicflowmeter", since: 2, description: "Packets with ACK set, both directions", cic: "ACK Flag Count", feature: true },
  { name: "urg_count", label: "URG count", type: "int", group: "cicflowmeter", since: 2, description: "Packets with URG set, both directions", cic: "URG Flag Count", feature: true },
  { name: "cwr_count", label: "CWR count", type: "int", group: "cicflowmeter", since: 2, description: "Packets with CWR set, both directions (CICFlowMeter misspells the column CWE)", cic: "CWE Flag Count", feature: true },
  { name: "ece_count", label: "ECE count", type: "int", group: "cicflowmeter", since: 2, description: "Packets with ECE set, both directions", cic: "ECE Flag Count", feature: true },
  { name: "down_up_ratio", label: "Down/up", type: "real", group: "cicflowmeter", since: 2, description: "Backward packets divided by forward packets", cic: "Down/Up Ratio", feature: true },
  { name: "avg_packet_size", label: "Avg packet size", type: "real", group: "cicflowmeter", since: 2, description: "Payload bytes divided by packets", cic: "Average Packet Size", unit: "bytes", feature: true },
  { name: "fwd_seg_size_avg", label: "Fwd seg avg", type: "real", group: "cicflowmeter", since: 2, description: "Mean payload length of packets from the source", cic: "Avg Fwd Segment Size", unit: "bytes", feature: true },
  { name: "bwd_seg_size_avg", label: "Bwd seg avg", type: "real", group: "cicflowmeter", since: 2, description: "Mean payload length of packets from the destination", cic: "Avg Bwd Segment Size", unit: "bytes", feature: true },
  { name: "fwd_bulk_bytes_avg", label: "Fwd bulk bytes", type: "real", group: "cicflowmeter", since: 2, description: "Mean payload bytes per bulk transfer (4+ consecutive data packets one way, gaps under 1 s)", cic: "Fwd Avg Bytes/Bulk", unit: "bytes", feature: true },
  { name: "fwd_bulk_packets_avg", label: "Fwd bulk packets", type: "real", group: "cicflowmeter", since: 2, description: "Mean packets per bulk transfer", cic: "Fwd Avg Packets/Bulk", feature: true },
  { name: "fwd_bulk_rate_avg", label: "Fwd bulk rate", type: "real", group: "cicflowmeter", since: 2, description: "Bulk payload bytes per second of bulk duration", cic: "Fwd Avg Bulk Rate", unit: "bytes/s", feature: true },
  { name: "bwd_bulk_bytes_avg", label: "Bwd bulk bytes", type: "real", group: "cicflowmeter", since: 2, description: "Mean payload bytes per bulk transfer (4+ consecutive data packets one way, gaps under 1 s)", cic: "Bwd Avg Bytes/Bulk", unit: "bytes", feature: true },
  { name: "bwd_bulk_packets_avg", label: "Bwd bulk packets", type: "real", group: "cicflowmeter", since: 2, description: "Mean packets per bulk transfer", cic: "Bwd Avg Packets/Bulk", feature: true },
  { name: "bwd_bulk_rate_avg", label: "Bwd bulk rate", type: "real", group: "cicflowmeter", since: 2, description: "Bulk payload bytes per second of bulk duration", cic: "Bwd Avg Bulk Rate", unit: "bytes/s", feature: true },
  { name: "subflow_fwd_packets", label: "Subflow fwd packets", type: "real", group: "cicflowmeter", since: 2, description: "Mean packets per subflow (subflows split at gaps over 1 s)", cic: "Subflow Fwd Packets", feature: true },
  { name: "subflow_fwd_bytes", label: "Subflow fwd bytes", type: "real", group: "cicflowmeter", since: 2, description: "Mean payload bytes per subflow", cic: "Subflow Fwd Bytes", unit: "bytes", feature: true },
  { name: "subflow_bwd_packets", label: "Subflow bwd packets", type: "real", group: "cicflowmeter", since: 2, description: "Mean packets per subflow (subflows split at gaps over 1 s)", cic: "Subflow Bwd Packets", feature: true },
  { name: "subflow_bwd_bytes", label: "Subflow bwd bytes", type: "real", group: "cicflowmeter", since: 2, description: "Mean payload bytes per subflow", cic: "Subflow Bwd Bytes", unit: "bytes", feature: true },
  { name: "init_win_fwd", label: "Init win fwd", type: "int", group: "cicflowmeter", since: 2, description: "TCP window of the first packet from the source (\u22121 when not TCP)", cic: "Init_Win_bytes_forward", unit: "bytes", feature: true },
  { name: "init_win_bwd", label: "Init win bwd", type: "int", group: "cicflowmeter", since: 2, description: "TCP window of the first packet from the destination (\u22121 when none)", cic: "Init_Win_bytes_backward", unit: "bytes", feature: true },
  { name: "fwd_act_data_packets", label: "Fwd data packets", type: "int", group: "cicflowmeter", since: 2, description: "Packets from the source carrying payload", cic: "act_data_pkt_fwd", feature: true },
  { name: "fwd_seg_size_min", label: "Fwd min header", type: "int", group: "cicflowmeter", since: 2, description: "Smallest transport header length seen from the source (CICFlowMeter semantics)", cic: "min_seg_size_forward", unit: "bytes", feature: true },
  { name: "active_mean", label: "Active mean", type: "real", group: "cicflowmeter", since: 2, description: "Mean length of active periods (activity split at gaps over 5 s), seconds", cic: "Active Mean", cicScale: 1e6, unit: "s", feature: true },
  { name: "active_std", label: "Active std", type: "real", group: "cicflowmeter", since: 2, description: "Std length of active periods (activity split at gaps over 5 s), seconds", cic: "Active Std", cicScale: 1e6, unit: "s", feature: true },
  { name: "active_max", label: "Active max", type: "real", group: "cicflowmeter", since: 2, description: "Max length of active periods (activity split at gaps over 5 s), seconds", cic: "Active Max", cicScale: 1e6, unit: "s", feature: true },
  { name: "active_min", label: "Active min", type: "real", group: "cicflowmeter", since: 2, description: "Min length of active periods (activity split at gaps over 5 s), seconds", cic: "Active Min", cicScale: 1e6, unit: "s", feature: true },
  { name: "idle_mean", label: "Idle mean", type: "real", group: "cicflowmeter", since: 2, description: "Mean length of idle periods (activity split at gaps over 5 s), seconds", cic: "Idle Mean", cicScale: 1e6, unit: "s", feature: true },
  { name: "idle_std", label: "Idle std", type: "real", group: "cicflowmeter", since: 2, description: "Std length of idle periods (activity split at gaps over 5 s), seconds", cic: "Idle Std", cicScale: 1e6, unit: "s", feature: true },
  { name: "idle_max", label: "Idle max", type: "real", group: "cicflowmeter", since: 2, description: "Max length of idle periods (activity split at gaps over 5 s), seconds", cic: "Idle Max", cicScale: 1e6, unit: "s", feature: true },
  { name: "idle_min", label: "Idle min", type: "real", group: "cicflowmeter", since: 2, description: "Min length of idle periods (activity split at gaps over 5 s), seconds", cic: "Idle Min", cicScale: 1e6, unit: "s", feature: true }
];

// shared/fields/core.ts
var coreFields = [
  { name: "id", label: "ID", type: "int", group: "identity", since: 1, description: "Flow number within the case" },
  { name: "proto", label: "Protocol", type: "text", group: "identity", since: 1, description: "Transport protocol: tcp, udp, icmp, icmpv6 or other (ip_proto has the number)" },
  { name: "src_ip", label: "Source", type: "text", group: "identity", since: 1, description: "Address of the side that sent the first packet (the SYN sender for TCP)", cic: "Source IP" },
  { name: "src_port", label: "Src port", type: "int", group: "identity", since: 1, description: "Source port (ICMP: type of the first message)", cic: "Source Port" },
  { name: "dst_ip", label: "Destination", type: "text", group: "identity", since: 1, description: "Address of the other side", cic: "Destination IP" },
  { name: "dst_port", label: "Dst port", type: "int", group: "identity", since: 1, description: "Destination port (ICMP: code of the first message)", cic: "Destination Port" },
  { name: "first_ts", label: "First seen", type: "real", group: "time", since: 1, description: "Time of the first packet, epoch seconds", unit: "s" },
  { name: "last_ts", label: "Last seen", type: "real", group: "time", since: 1, description: "Time of the last packet, epoch seconds", unit: "s" },
  { name: "duration", label: "Duration", type: "real", group: "time", since: 1, description: "last_ts \u2212 first_ts, seconds", cic: "Flow Duration", cicScale: 1e6, unit: "s", feature: true },
  { name: "packets", label: "Packets", type: "int", group: "volume", since: 1, description: "Packets in both directions", unit: "packets", feature: true },
  { name: "bytes", label: "Bytes", type: "int", group: "volume", since: 1, description: "Frame bytes on the wire in both directions (original length, as Wireshark counts them)", unit: "bytes", feature: true },
  { name: "fwd_packets", label: "Fwd packets", type: "int", group: "direction", since: 1, description: "Packets from source to destination", cic: "Total Fwd Packets", unit: "packets", feature: true },
  { name: "bwd_packets", label: "Bwd packets", type: "int", group: "direction", since: 1, description: "Packets from destination to source", cic: "Total Backward Packets", unit: "packets", feature: true },
  { name: "fwd_bytes", label: "Fwd bytes", type: "int", group: "direction", since: 1, description: "Frame bytes from source to destination (seed 002: flow size forward)", unit: "bytes", feature: true },
  { name: "bwd_bytes", label: "Bwd bytes", type: "int", group: "direction", since: 1, description: "Frame bytes from destination to source (seed 002: flow size backward)", unit: "bytes", feature: true }
];

// shared/fields/endpoints.ts
var endpointFields = [
  { name: "vlan", label: "VLAN", type: "int", group: "endpoints", since: 2, description: "Innermost 802.1Q/802.1ad VLAN id, 0 when untagged (part of the flow key)" },
  { name: "ip_version", label: "IP version", type: "int", group: "endpoints", since: 2, description: "4 or 6" },
  { name: "ip_proto", label: "IP protocol", type: "int", group: "endpoints", since: 2, description: "IP protocol number of the transport (6 TCP, 17 UDP, 1 ICMP, 58 ICMPv6, \u2026)", cic: "Protocol" },
  { name: "src_mac", label: "Src MAC", type: "text", group: "endpoints", since: 2, description: "Ethernet source address of the first forward packet (the link-layer sender)" },
  { name: "dst_mac", label: "Dst MAC", type: "text", group: "endpoints", since: 2, description: "Ethernet destination address of the first forward packet" },
  { name: "src_name", label: "Src name", type: "text", group: "endpoints", since: 2, description: "Name of the source address, from DNS answers (or the capture's name resolution block) seen before the flow ended" },
  { name: "dst_name", label: "Dst name", type: "text", group: "endpoints", since: 2, description: "Name of the destination address, from DNS answers seen before the flow ended" },
  { name: "tunnel", label: "Tunnel", type: "text", group: "endpoints", since: 2, description: "Encapsulation the flow was found in (gre, vxlan, erspan, pppoe), empty when none" }
];

// shared/fields/lifecycle.ts
var lifecycleFields = [
  { name: "termination", label: "Termination", type: "text", group: "lifecycle", since: 2, description: "Why the flow ended: fin (FIN both ways, each ACKed), rst, idle (idle timeout), active (active timeout), end_of_capture, or reused (a new SYN opened another connection on the same 5-tuple before this one was seen to end)" },
  { name: "conn_state", label: "Conn state", type: "text", group: "lifecycle", since: 2, description: "Zeek's connection state: S0, S1, SF, REJ, S2, S3, RSTO, RSTR, RSTOS0, RSTRH, SH, SHR, OTH" },
  { name: "history", label: "History", type: "text", group: "lifecycle", since: 2, description: "Zeek-style history: letters for the originator (upper case) and responder (lower case): S syn, H syn-ack, A ack, D data, F fin, R rst, C bad checksum, T retransmission, W zero window, ^ direction flipped" },
  { name: "icmp_errors", label: "ICMP errors", type: "int", group: "lifecycle", since: 2, description: "ICMP/ICMPv6 errors (unreachable, time exceeded, \u2026) quoting packets of this flow; they are counted in its packets, towards the quoted packet's sender", feature: true }
];

// shared/fields/packet-stats.ts
var packetStatFields = [
  { name: "fwd_len_min", label: "Fwd len min", type: "real", group: "packet-stats", since: 2, description: "Seed 002: min frame length of packets from source to destination", unit: "bytes", feature: true },
  { name: "fwd_len_max", label: "Fwd len max", type: "real", group: "packet-stats", since: 2, description: "Seed 002: max frame length of packets from source to destination", unit: "bytes", feature: true },
  { name: "fwd_len_mean", label: "Fwd len mean", type: "real", group: "packet-stats", since: 2, description: "Seed 002: mean frame length of packets from source to destination", unit: "bytes", feature: true },
  { name: "fwd_len_std", label: "Fwd len std", type: "real", group: "packet-stats", since: 2, description: "Seed 002: std frame length of packets from source to destination", unit: "bytes", feature: true },
  { name: "fwd_iat_min", label: "Fwd IAT min", type: "real", group: "packet-stats", since: 2, description: "Seed 002: min inter-arrival time of packets from source to destination, seconds", cic: "Fwd IAT Min", cicScale: 1e6, unit: "s", feature: true },
  { name: "fwd_iat_max", label: "Fwd IAT max", type: "real", group: "packet-stats", since: 2, description: "Seed 002: max inter-arrival time of packets from source to destination, seconds", cic: "Fwd IAT Max", cicScale: 1e6, unit: "s", feature: true },
  { name: "fwd_iat_mean", label: "Fwd IAT mean", type: "real", group: "packet-stats", since: 2, description: "Seed 002: mean inter-arrival time of packets from source to destination, seconds", cic: "Fwd IAT Mean", cicScale: 1e6, unit: "s", feature: true },
  { name: "fwd_iat_std", label: "Fwd IAT std", type: "real", group: "packet-stats", since: 2, description: "Seed 002: std inter-arrival time of packets from source to destination, seconds", cic: "Fwd IAT Std", cicScale: 1e6, unit: "s", feature: true },
  { name: "bwd_len_min", label: "Bwd len min", type: "real", group: "packet-stats", since: 2, description: "Seed 002: min frame length of packets from destination to source", unit: "bytes", feature: true },
  { name: "bwd_len_max", label: "Bwd len max", type: "real", group: "packet-stats", since: 2, description: "Seed 002: max frame length of packets from destination to source", unit: "bytes", feature: true },
  { name: "bwd_len_mean", label: "Bwd len mean", type: "real", group: "packet-stats", since: 2, description: "Seed 002: mean frame length of packets from destination to source", unit: "bytes", feature: true },
  { name: "bwd_len_std", label: "Bwd len std", type: "real", group: "packet-stats", since: 2, description: "Seed 002: std frame length of packets from destination to source", unit: "bytes", feature: true },
  { name: "bwd_iat_min", label: "Bwd IAT min", type: "real", group: "packet-stats", since: 2, description: "Seed 002: min inter-arrival time of packets from destination to source, seconds", cic: "Bwd IAT Min", cicScale: 1e6, unit: "s", feature: true },
  { name: "bwd_iat_max", label: "Bwd IAT max", type: "real", group: "packet-stats", since: 2, description: "Seed 002: max inter-arrival time of packets from destination to source, seconds", cic: "Bwd IAT Max", cicScale: 1e6, unit: "s", feature: true },
  { name: "bwd_iat_mean", label: "Bwd IAT mean", type: "real", group: "packet-stats", since: 2, description: "Seed 002: mean inter-arrival time of packets from destination to source, seconds", cic: "Bwd IAT Mean", cicScale: 1e6, unit: "s", feature: true },
  { name: "bwd_iat_std", label: "Bwd IAT std", type: "real", group: "packet-stats", since: 2, description: "Seed 002: std inter-arrival time of packets from destination to source, seconds", cic: "Bwd IAT Std", cicScale: 1e6, unit: "s", feature: true }
];

// shared/fields/sequence.ts
var sequenceFields = [
  { name: "first_sizes", label: "First sizes", type: "text", group: "sequence", since: 2, description: "Frame lengths of the first N packets (default 20), comma-separated; negative for packets from the destination" },
  { name: "first_iats", label: "First IATs", type: "text", group: "sequence", since: 2, description: "Inter-arrival times of the first N packets in whole microseconds (the first is 0), comma-separated" }
];

// shared/fields/tcp-analysis.ts
var tcpAnalysisFields = [
  { name: "retransmissions", label: "Retrans", type: "int", group: "tcp-analysis", since: 2, description: "Segments Wireshark flags tcp.analysis.retransmission (includes fast and spurious retransmissions), both directions", feature: true },
  { name: "fast_retransmissions", label: "Fast retrans", type: "int", group: "tcp-analysis", since: 2, description: "Segments flagged tcp.analysis.fast_retransmission (after 2+ duplicate ACKs), both directions", feature: true },
  { name: "spurious_retransmissions", label: "Spurious retrans", type: "int", group: "tcp-analysis", since: 2, description: "Segments flagged tcp.analysis.spurious_retransmission (already acknowledged data), both directions", feature: true },
  { name: "out_of_order", label: "Out of order", type: "int", group: "tcp-analysis", since: 2, description: "Segments flagged tcp.analysis.out_of_order, both directions", feature: true },
  { name: "dup_acks", label: "Dup ACKs", type: "int", group: "tcp-analysis", since: 2, description: "ACKs flagged tcp.analysis.duplicate_ack, both directions", feature: true },
  { name: "zero_windows", label: "Zero window", type: "int", group: "tcp-analysis", since: 2, description: "Segments flagged tcp.analysis.zero_window, both directions", feature: true },
  { name: "window_full", label: "Window full", type: "int", group: "tcp-analysis", since: 2, description: "Segments flagged tcp.analysis.window_full, both directions", feature: true },
  { name: "keep_alives", label: "Keep-alives", type: "int", group: "tcp-analysis", since: 2, description: "Segments flagged tcp.analysis.keep_alive, both directions", feature: true },
  { name: "lost_segments", label: "Lost segments", type: "int", group: "tcp-analysis", since: 2, description: "Segments flagged tcp.analysis.lost_segment (previous segment not captured), both directions", feature: true },
  { name: "resets", label: "Resets", type: "int", group: "tcp-analysis", since: 2, description: "Segments with RST set, both directions", feature: true },
  { name: "fwd_retransmissions", label: "Fwd retrans", type: "int", group: "tcp-analysis", since: 2, description: "Segments Wireshark flags tcp.analysis.retransmission (includes fast and spurious retransmissions), from the source", feature: true },
  { name: "bwd_retransmissions", label: "Bwd retrans", type: "int", group: "tcp-analysis", since: 2, description: "Segments Wireshark flags tcp.analysis.retransmission (includes fast and spurious retransmissions), from the destination", feature: true },
  { name: "fwd_fast_retransmissions", label: "Fwd fast retrans", type: "int", group: "tcp-analysis", since: 2, description: "Segments flagged tcp.analysis.fast_retransmission (after 2+ duplicate ACKs), from the source", feature: true },
  { name: "bwd_fast_retransmissions", label: "Bwd fast retrans", type: "int", group: "tcp-analysis", since: 2, description: "Segments flagged tcp.analysis.fast_retransmission (after 2+ duplicate ACKs), from the destination", feature: true },
  { name: "fwd_spurious_retransmissions", label: "Fwd spurious retrans", type: "int", group: "tcp-analysis", since: 2, description: "Segments flagged tcp.analysis.spurious_retransmission (already acknowledged data), from the source", feature: true },
  { name: "bwd_spurious_retransmissions", label: "Bwd spurious retrans", type: "int", group: "tcp-analysis", since: 2, description: "Segments flagged tcp.analysis.spurious_retransmission (already acknowledged data), from the destination", feature: true },
  { name: "fwd_out_of_order", label: "Fwd out of order", type: "int", group: "tcp-analysis", since: 2, description: "Segments flagged tcp.analysis.out_of_order, from the source", feature: true },
  { name: "bwd_out_of_order", label: "Bwd out of order", type: "int", group: "tcp-analysis", since: 2, description: "Segments flagged tcp.analysis.out_of_order, from the destination", feature: true },
  { name: "fwd_dup_acks", label: "Fwd dup acks", type: "int", group: "tcp-analysis", since: 2, description: "ACKs flagged tcp.analysis.duplicate_ack, from the source", feature: true },
  { name: "bwd_dup_acks", label: "Bwd dup acks", type: "int", group: "tcp-analysis", since: 2, description: "ACKs flagged tcp.analysis.duplicate_ack, from the destination", feature: true },
  { name: "fwd_zero_windows", label: "Fwd zero window", type: "int", group: "tcp-analysis", since: 2, description: "Segments flagged tcp.analysis.zero_window, from the source", feature: true },
  { name: "bwd_zero_windows", label: "Bwd zero window", type: "int", group: "tcp-analysis", since: 2, description: "Segments flagged tcp.analysis.zero_window, from the destination", feature: true },
  { name: "fwd_window_full", label: "Fwd window full", type: "int", group: "tcp-analysis", since: 2, description: "Segments flagged tcp.analysis.window_full, from the source", feature: true },
  { name: "bwd_window_full", label: "Bwd window full", type: "int", group: "tcp-analysis", since: 2, description: "Segments flagged tcp.analysis.window_full, from the destination", feature: true },
  { name: "fwd_keep_alives", label: "Fwd keep-alives", type: "int", group: "tcp-analysis", since: 2, description: "Segments flagged tcp.analysis.keep_alive, from the source", feature: true },
  { name: "bwd_keep_alives", label: "Bwd keep-alives", type: "int", group: "tcp-analysis", since: 2, description: "Segments flagged tcp.analysis.keep_alive, from the destination", feature: true },
  { name: "fwd_lost_segments", label: "Fwd lost segments", type: "int", group: "tcp-analysis", since: 2, description: "Segments flagged tcp.analysis.lost_segment (previous segment not captured), from the source", feature: true },
  { name: "bwd_lost_segments", label: "Bwd lost segments", type: "int", group: "tcp-analysis", since: 2, description: "Segments flagged tcp.analysis.lost_segment (previous segment not captured), from the destination", feature: true },
  { name: "fwd_resets", label: "Fwd resets", type: "int", group: "tcp-analysis", since: 2, description: "Segments with RST set, from the source", feature: true },
  { name: "bwd_resets", label: "Bwd resets", type: "int", group: "tcp-analysis", since: 2, description: "Segments with RST set, from the destination", feature: true }
];

// shared/fields/index.ts
var flowFields = [
  ...coreFields,
  ...endpointFields,
  ...lifecycleFields,
  ...applicationFields,
  ...tcpAnalysisFields,
  ...packetStatFields,
  ...cicFields,
  ...sequenceFields
];
var flowFieldNames = flowFields.map((f) => f.name);
var byName = new Map(flowFields.map((f) => [f.name, f]));

// electron/flows/flow-row.ts
var columnIndex = new Map(flowFields.map((f, i) => [f.name, i]));
function columnOf(name) {
  const i = columnIndex.get(name);
  if (i === void 0) throw new Error(`unknown flow field ${name}`);
  return i;
}
function newRow() {
  return new Array(flowFields.length).fill(null);
}

// electron/flows/running-stats.ts
var RunningStats = class {
  n = 0;
  min = 0;
  max = 0;
  mean = 0;
  sum = 0;
  m2 = 0;
  reset() {
    this.n = this.min = this.max = this.mean = this.sum = this.m2 = 0;
  }
  copyFrom(o) {
    this.n = o.n;
    this.min = o.min;
    this.max = o.max;
    this.mean = o.mean;
    this.sum = o.sum;
    this.m2 = o.m2;
    return this;
  }
  add(x) {
    const n = ++this.n;
    if (n === 1) {
      this.min = this.max = x;
    } else {
      if (x < this.min) this.min = x;
      if (x > this.max) this.max = x;
    }
    this.sum += x;
    const d2 = x - this.mean;
    this.mean += d2 / n;
    this.m2 += d2 * (x - this.mean);
  }
  get variance() {
    return this.n > 1 ? this.m2 / (this.n - 1) : 0;
  }
  get std() {
    return Math.sqrt(this.variance);
  }
};

// electron/flows/features/activity.ts
var ACTIVITY_GAP = 5;
var SUBFLOW_GAP = 1;
var BULK_GAP = 1;
var BULK_MIN_PACKETS = 4;
var Bulk = class {
  startHelper = 0;
  packetsHelper = 0;
  sizeHelper = 0;
  lastTs = 0;
  count = 0;
  packets = 0;
  size = 0;
  duration = 0;
  reset() {
    this.startHelper = this.packetsHelper = this.sizeHelper = this.lastTs = 0;
    this.count = this.packets = this.size = this.duration = 0;
  }
  /** A payload-carrying packet in this direction; `otherLast` is the other direction's last bulk packet time. */
  add(ts, size, otherLast) {
    if (otherLast > this.startHelper) this.startHelper = 0;
    if (size <= 0) return;
    if (this.startHelper === 0 || ts - this.lastTs > BULK_GAP) {
      this.startHelper = ts;
      this.packetsHelper = 1;
      this.sizeHelper = size;
      this.lastTs = ts;
      return;
    }
    this.packetsHelper++;
    this.sizeHelper += size;
    if (this.packetsHelper === BULK_MIN_PACKETS) {
      this.count++;
      this.packets += BULK_MIN_PACKETS;
      this.size += this.sizeHelper;
      this.duration += ts - this.startHelper;
    } else if (this.packetsHelper > BULK_MIN_PACKETS) {
      this.packets++;
      this.size += size;
      this.duration += ts - this.lastTs;
    }
    this.lastTs = ts;
  }
};
var C = {
  activeMean: columnOf("active_mean"),
  activeStd: columnOf("active_std"),
  activeMax: columnOf("active_max"),
  activeMin: columnOf("active_min"),
  idleMean: columnOf("idle_mean"),
  idleStd: columnOf("idle_std"),
  idleMax: columnOf("idle_max"),
  idleMin: columnOf("idle_min"),
  sfFwdPackets: columnOf("subflow_fwd_packets"),
  sfFwdBytes: columnOf("subflow_fwd_bytes"),
  sfBwdPackets: columnOf("subflow_bwd_packets"),
  sfBwdBytes: columnOf("subflow_bwd_bytes"),
  fwdBulkBytes: columnOf("fwd_bulk_bytes_avg"),
  fwdBulkPackets: columnOf("fwd_bulk_packets_avg"),
  fwdBulkRate: columnOf("fwd_bulk_rate_avg"),
  bwdBulkBytes: columnOf("bwd_bulk_bytes_avg"),
  bwdBulkPackets: columnOf("bwd_bulk_packets_avg"),
  bwdBulkRate: columnOf("bwd_bulk_rate_avg")
};
var scratch2 = new RunningStats();
function payloadOf(p) {
  if (p.icmpError) return 0;
  return p.payloadWireLength > 0 ? p.payloadWireLength : p.payloadLength;
}
var activity = {
  name: "activity",
  create: () => ({ active: new RunningStats(), idle: new RunningStats(), startActive: 0, endActive: 0, subflows: 0, lastTs: 0, fwdBulk: new Bulk(), bwdBulk: new Bulk(), fwdPayload: 0, bwdPayload: 0 }),
  init(s, _f, _p, _rec, ts) {
    s.active.reset();
    s.idle.reset();
    s.startActive = s.endActive = s.lastTs = ts;
    s.subflows = 1;
    s.fwdBulk.reset();
    s.bwdBulk.reset();
    s.fwdPayload = s.bwdPayload = 0;
  },
  update(s, _f, p, _rec, ts, fwd) {
    if (ts - s.endActive > ACTIVITY_GAP) {
      if (s.endActive - s.startActive > 0) s.active.add(s.endActive - s.startActive);
      s.idle.add(ts - s.endActive);
      s.startActive = s.endActive = ts;
    } else if (ts > s.endActive) {
      s.endActive = ts;
    }
    if (ts - s.lastTs > SUBFLOW_GAP) s.subflows++;
    s.lastTs = ts;
    const size = payloadOf(p);
    if (fwd) {
      s.fwdPayload += size;
      s.fwdBulk.add(ts, size, s.bwdBulk.lastTs);
    } else {
      s.bwdPayload += size;
      s.bwdBulk.add(ts, size, s.fwdBulk.lastTs);
    }
  },
  emit(s, f, row) {
    const all2 = scratch2.copyFrom(s.active);
    const lastActive = s.endActive - s.startActive;
    if (lastActive > 0) all2.add(lastActive);
    const hasActive = all2.n > 0;
    row[C.activeMean] = hasActive ? all2.mean : 0;
    row[C.activeStd] = hasActive ? all2.std : 0;
    row[C.activeMax] = hasActive ? all2.max : 0;
    row[C.activeMin] = hasActive ? all2.min : 0;
    const hasIdle = s.idle.n > 0;
    row[C.idleMean] = hasIdle ? s.idle.mean : 0;
    row[C.idleStd] = hasIdle ? s.idle.std : 0;
    row[C.idleMax] = hasIdle ? s.idle.max : 0;
    row[C.idleMin] = hasIdle ? s.idle.min : 0;
    row[C.sfFwdPackets] = f.fwdPackets / s.subflows;
    row[C.sfFwdBytes] = s.fwdPayload / s.subflows;
    row[C.sfBwdPackets] = f.bwdPackets / s.subflows;
    row[C.sfBwdBytes] = s.bwdPayload / s.subflows;
    for (const [b, bytes, packets, rate] of [
      [s.fwdBulk, C.fwdBulkBytes, C.fwdBulkPackets, C.fwdBulkRate],
      [s.bwdBulk, C.bwdBulkBytes, C.bwdBulkPackets, C.bwdBulkRate]
    ]) {
      row[bytes] = b.count > 0 ? b.size / b.count : 0;
      row[packets] = b.count > 0 ? b.packets / b.count : 0;
      row[rate] = b.duration > 0 ? b.size / b.duration : 0;
    }
  }
};

// electron/flows/features/app-identity.ts
var C2 = {
  app: columnOf("app"),
  category: columnOf("app_category"),
  sni: columnOf("sni"),
  httpHost: columnOf("http_host"),
  dstName: columnOf("dst_name"),
  dnsQuery: columnOf("dns_query"),
  proto: columnOf("proto"),
  srcPort: columnOf("src_port"),
  dstPort: columnOf("dst_port")
};
function appIdentity(signatures2) {
  return {
    name: "app-identity",
    create: () => null,
    init() {
    },
    emit(_s, _f, row) {
      const id = signatures2.identify({
        sni: row[C2.sni],
        httpHost: row[C2.httpHost],
        dstName: row[C2.dstName],
        dnsQuery: row[C2.dnsQuery],
        proto: row[C2.proto],
        srcPort: row[C2.srcPort],
        dstPort: row[C2.dstPort]
      });
      row[C2.app] = id?.app ?? null;
      row[C2.category] = id?.category ?? null;
    }
  };
}

// electron/flows/features/app-inspectors/app-state.ts
var AppKind = {
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
  None: 6
};
var TcpDirKind = { Unknown: 0, Tls: 1, Http: 2, DnsTcp: 3, None: 4 };
var AppMetadataState = class {
  kind = AppKind.Unknown;
  /** Set once nothing more will be learnt: later packets cost one branch. */
  done = false;
  fwdPayloads = 0;
  bwdPayloads = 0;
  // TCP: how each direction is read, and where the next DNS-over-TCP message starts (-1 unknown).
  fwdTcp = TcpDirKind.Unknown;
  bwdTcp = TcpDirKind.Unknown;
  fwdDnsNextSeq = -1;
  bwdDnsNextSeq = -1;
  fwdTls = null;
  bwdTls = null;
  /** The request head of whichever direction opened with an HTTP request. */
  http = null;
  quic = null;
  // The columns (see shared/fields/application.ts).
  sni = null;
  alpn = null;
  alpnServer = null;
  tlsVersion = null;
  tlsCipher = null;
  ja3 = null;
  ja3s = null;
  ja4 = null;
  quicVersion = null;
  httpHost = null;
  httpMethod = null;
  httpUserAgent = null;
  dnsQuery = null;
  dnsQtype = null;
  dnsRcode = null;
  dhcpHostname = null;
  dhcpClientMac = null;
  /** The client and server hellos were read (TLS over TCP or QUIC). */
  clientHelloSeen = false;
  serverHelloSeen = false;
  /** Nothing more to learn: later packets cost one branch, and the readers' buffers are dropped. */
  finish() {
    this.done = true;
    this.fwdTls?.reset();
    this.bwdTls?.reset();
    this.http?.reset();
    this.quic?.reset();
  }
  reset() {
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
};

// electron/dissect/app/dhcp.ts
var FIXED = 236;
var MAGIC_COOKIE = 1669485411;
var OPT_PAD = 0;
var OPT_END = 255;
function parseDhcp(d2, off, length) {
  const end = Math.min(off + length, d2.length);
  if (end - off < FIXED) return null;
  const op = d2[off];
  if (op !== 1 && op !== 2) return null;
  const m = {
    op,
    xid: (d2[off + 4] << 24 | d2[off + 5] << 16 | d2[off + 6] << 8 | d2[off + 7]) >>> 0,
    messageType: 0,
    clientMac: d2[off + 1] === 1 && d2[off + 2] === 6 ? mac(d2, off + 28) : null,
    hostname: null,
    requestedIp: null,
    vendorClass: null,
    truncated: false
  };
  let o = off + FIXED;
  if (end - o < 4 || (d2[o] << 24 | d2[o + 1] << 16 | d2[o + 2] << 8 | d2[o + 3]) >>> 0 !== MAGIC_COOKIE) return m;
  o += 4;
  for (; ; ) {
    if (o >= end) {
      m.truncated = true;
      return m;
    }
    const code = d2[o];
    if (code === OPT_END) return m;
    if (code === OPT_PAD) {
      o++;
      continue;
    }
    if (o + 2 > end || o + 2 + d2[o + 1] > end) {
      m.truncated = true;
      return m;
    }
    const len = d2[o + 1];
    const v = o + 2;
    switch (code) {
      case 53:
        if (len >= 1) m.messageType = d2[v];
        break;
      case 12:
        m.hostname ??= latin1(d2, v, len);
        break;
      case 50:
        if (len === 4) m.requestedIp = ipv4Text(d2, v);
        break;
      case 60:
        m.vendorClass ??= latin1(d2, v, len);
        break;
    }
    o = v + len;
  }
}
function mac(d2, o) {
  let s = "";
  for (let i = 0; i < 6; i++) s += (i ? ":" : "") + (d2[o + i] < 16 ? "0" : "") + d2[o + i].toString(16);
  return s;
}
function latin1(d2, o, len) {
  let s = "";
  for (let i = 0; i < len; i++) s += String.fromCharCode(d2[o + i]);
  return s;
}

// electron/flows/features/app-inspectors/dhcp-inspector.ts
function isDhcpPorts(a, b) {
  return (a === 67 || a === 68) && (b === 67 || b === 68);
}
function readDhcpDatagram(s, d2, off, len) {
  const m = parseDhcp(d2, off, len);
  if (m === null) return;
  s.dhcpClientMac ??= m.clientMac;
  s.dhcpHostname ??= m.hostname;
}
function dhcpFinished(s) {
  return s.dhcpClientMac !== null && s.dhcpHostname !== null;
}

// electron/dissect/app/dns-name.ts
var MAX_JUMPS = 32;
var MAX_NAME_OCTETS = 255;
var scratch3 = new Uint8Array(MAX_NAME_OCTETS * 4);
var utf83 = new TextDecoder("utf-8");
var latin12 = new TextDecoder("latin1");
function readDnsName(d2, msg, end, o, out) {
  let n = 0;
  let octets = 0;
  let jumps = 0;
  let next = -1;
  let ascii = true;
  let tooLong = false;
  for (; ; ) {
    if (o >= end) return fail(out, next);
    const len = d2[o];
    if (len === 0) {
      if (next < 0) next = o + 1;
      break;
    }
    const kind = len & 192;
    if (kind === 192) {
      if (o + 1 >= end) return fail(out, next);
      if (next < 0) next = o + 2;
      if (++jumps > MAX_JUMPS) return fail(out, next);
      o = msg + ((len & 63) << 8 | d2[o + 1]);
      continue;
    }
    if (kind !== 0 || o + 1 + len > end) return fail(out, next);
    octets += len + 1;
    if (octets > MAX_NAME_OCTETS) tooLong = true;
    if (tooLong) {
      o += 1 + len;
      continue;
    }
    if (n > 0) scratch3[n++] = 46;
    for (let i = o + 1; i <= o + len; i++) {
      const c = d2[i];
      if (c < 32 || c === 127) {
        scratch3[n++] = 92;
        scratch3[n++] = 48 + (c >> 6);
        scratch3[n++] = 48 + (c >> 3 & 7);
        scratch3[n++] = 48 + (c & 7);
      } else {
        if (c >= 128) ascii = false;
        scratch3[n++] = c;
      }
    }
    o += 1 + len;
  }
  if (tooLong) {
    out.name = "";
    out.next = next;
    return false;
  }
  out.name = n === 0 ? "<Root>" : ascii ? latin12.decode(scratch3.subarray(0, n)) : utf83.decode(scratch3.subarray(0, n));
  out.next = next;
  return true;
}
function fail(out, next) {
  out.name = "";
  out.next = next;
  return false;
}

// electron/dissect/app/dns.ts
var DNS_TYPE_A = 1;
var DNS_TYPE_CNAME = 5;
var DNS_TYPE_PTR = 12;
var DNS_TYPE_AAAA = 28;
var MAX_QUESTIONS = 16;
var MAX_RECORDS = 128;
var HEADER = 12;
function parseDns(d2, off, length) {
  const end = Math.min(off + length, d2.length);
  if (end - off < HEADER) return null;
  const flags = d2[off + 2] << 8 | d2[off + 3];
  const qdcount = d2[off + 4] << 8 | d2[off + 5];
  const counts = [d2[off + 6] << 8 | d2[off + 7], d2[off + 8] << 8 | d2[off + 9], d2[off + 10] << 8 | d2[off + 11]];
  const msg = {
    id: d2[off] << 8 | d2[off + 1],
    flags,
    isResponse: (flags & 32768) !== 0,
    opcode: flags >> 11 & 15,
    rcode: flags & 15,
    questions: [],
    answers: [],
    authority: [],
    additional: [],
    truncated: false
  };
  const n = { name: "", next: -1 };
  let o = off + HEADER;
  for (let i = 0; i < qdcount; i++) {
    const readable = readDnsName(d2, off, end, o, n);
    if (n.next < 0 || n.next + 4 > end) return truncated2(msg);
    if (readable && i < MAX_QUESTIONS) msg.questions.push({ name: n.name, qtype: d2[n.next] << 8 | d2[n.next + 1] });
    o = n.next + 4;
  }
  const sections = [msg.answers, msg.authority, msg.additional];
  let records = 0;
  for (let sec = 0; sec < 3; sec++) {
    for (let i = 0; i < counts[sec]; i++) {
      if (++records > MAX_RECORDS) return msg;
      const readable = readDnsName(d2, off, end, o, n);
      if (n.next < 0 || n.next + 10 > end) return truncated2(msg);
      const p = n.next;
      const owner = n.name;
      const type = d2[p] << 8 | d2[p + 1];
      const ttl = (d2[p + 4] << 24 | d2[p + 5] << 16 | d2[p + 6] << 8 | d2[p + 7]) >>> 0;
      const rdlength = d2[p + 8] << 8 | d2[p + 9];
      const rdata = p + 10;
      if (rdata + rdlength > end) return truncated2(msg);
      const answer = { name: owner, type, ttl, address: null, target: null };
      if (type === DNS_TYPE_A && rdlength === 4) answer.address = ipv4Text(d2, rdata);
      else if (type === DNS_TYPE_AAAA && rdlength === 16) answer.address = ipv6Text(d2, rdata);
      else if ((type === DNS_TYPE_CNAME || type === DNS_TYPE_PTR) && readDnsName(d2, off, rdata + rdlength, rdata, n)) answer.target = n.name;
      if (readable) sections[sec].push(answer);
      o = rdata + rdlength;
    }
  }
  return msg;
}
function truncated2(msg) {
  msg.truncated = true;
  return msg;
}

// electron/flows/features/app-inspectors/dns-inspector.ts
function isDnsUdpPort(port) {
  return port === 53 || port === 5353 || port === 5355;
}
function readDnsDatagram(s, d2, off, len, ts, sink) {
  const msg = parseDns(d2, off, len);
  if (msg !== null) recordDns(s, msg, ts, sink);
}
function readDnsTcpSegment(s, p, d2, fwd, ts, sink) {
  let next = fwd ? s.fwdDnsNextSeq : s.bwdDnsNextSeq;
  const seq = p.tcpSeq;
  let o = p.payloadOffset;
  const end = o + p.payloadLength;
  if (next >= 0) {
    const delta = next - seq | 0;
    if (delta < 0 || delta >= end - o) {
      return;
    }
    o += delta;
  }
  for (let i = 0; i < 16 && end - o >= 2; i++) {
    const msgLen = d2[o] << 8 | d2[o + 1];
    const msg = parseDns(d2, o + 2, Math.min(msgLen, end - o - 2));
    if (msg !== null) {
      if (msgLen > end - o - 2) msg.truncated = true;
      recordDns(s, msg, ts, sink);
    }
    next = seq + (o - p.payloadOffset) + 2 + msgLen >>> 0;
    o += 2 + msgLen;
  }
  if (fwd) s.fwdDnsNextSeq = next;
  else s.bwdDnsNextSeq = next;
}
function recordDns(s, msg, ts, sink) {
  const q = msg.questions.length > 0 ? msg.questions[0] : null;
  if (s.dnsQuery === null && q !== null) {
    s.dnsQuery = q.name;
    s.dnsQtype = q.qtype;
  }
  if (!msg.isResponse) return;
  if (s.dnsRcode === null) s.dnsRcode = msg.rcode;
  if (sink === void 0) return;
  for (const section of [msg.answers, msg.authority, msg.additional]) {
    for (const r of section) if (r.address !== null) sink(r.address, r.name, ts, q !== null ? q.name : r.name);
  }
}

// electron/dissect/app/http.ts
var MAX_LINE = 16 * 1024;
var MAX_HEADERS = 100;
var KNOWN_METHODS = /* @__PURE__ */ new Set(["GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH", "PROPFIND", "PROPPATCH", "MKCOL", "COPY", "MOVE", "LOCK", "UNLOCK", "M-SEARCH", "NOTIFY", "SUBSCRIBE", "UNSUBSCRIBE"]);
var MAX_METHOD = 24;
function parseHttpRequest(d2, off, length) {
  const end = Math.min(off + length, d2.length);
  let sp1 = off;
  while (sp1 < end && sp1 - off <= MAX_METHOD && isTokenChar(d2[sp1])) sp1++;
  if (sp1 === off || sp1 >= end || d2[sp1] !== 32 || sp1 - off > MAX_METHOD) return null;
  const method = text(d2, off, sp1);
  const lf = findLineEnd(d2, sp1, end);
  const lineEnd = lf < 0 ? end : stripCr(d2, sp1, lf);
  let sp2 = lineEnd;
  while (sp2 > sp1 + 1 && d2[sp2 - 1] !== 32) sp2--;
  const last = sp2 > sp1 + 1 ? text(d2, sp2, lineEnd) : "";
  const hasVersion = /^HTTP\/1\.\d$/.test(last);
  if (!hasVersion && !KNOWN_METHODS.has(method)) return null;
  const req = {
    method,
    target: text(d2, sp1 + 1, hasVersion ? sp2 - 1 : lineEnd),
    version: hasVersion ? last : "",
    host: null,
    userAgent: null,
    // HTTP/0.9 has no headers: its request line is the whole request.
    truncated: lf < 0 || hasVersion
  };
  if (lf < 0 || !hasVersion) return req;
  let o = lf + 1;
  for (let i = 0; i < MAX_HEADERS && o < end; i++) {
    const e = findLineEnd(d2, o, end);
    if (e < 0) break;
    const lineStop = stripCr(d2, o, e);
    if (lineStop === o) {
      req.truncated = false;
      break;
    }
    readHeader(d2, o, lineStop, req);
    o = e + 1;
  }
  return req;
}
function readHeader(d2, o, end, req) {
  let colon = o;
  while (colon < end && d2[colon] !== 58) colon++;
  if (colon === end) return;
  const nameLen = colon - o;
  if (nameLen === 4 && lowerEquals(d2, o, "host")) {
    if (req.host === null) req.host = value(d2, colon + 1, end);
  } else if (nameLen === 10 && lowerEquals(d2, o, "user-agent")) {
    if (req.userAgent === null) req.userAgent = value(d2, colon + 1, end);
  }
}
function value(d2, o, end) {
  while (o < end && (d2[o] === 32 || d2[o] === 9)) o++;
  while (end > o && (d2[end - 1] === 32 || d2[end - 1] === 9)) end--;
  return text(d2, o, end);
}
function lowerEquals(d2, o, lower) {
  for (let i = 0; i < lower.length; i++) if ((d2[o + i] | 32) !== lower.charCodeAt(i)) return false;
  return true;
}
function findLineEnd(d2, o, end) {
  const stop = Math.min(end, o + MAX_LINE);
  for (let i = o; i < stop; i++) if (d2[i] === 10) return i;
  return -1;
}
function stripCr(d2, o, lf) {
  return lf > o && d2[lf - 1] === 13 ? lf - 1 : lf;
}
function isTokenChar(c) {
  return c >= 65 && c <= 90 || c >= 97 && c <= 122 || c >= 48 && c <= 57 || c === 45 || c === 95 || c === 46 || c === 33 || c === 126;
}
function text(d2, o, end) {
  let s = "";
  for (let i = o; i < end; i++) s += String.fromCharCode(d2[i]);
  return s;
}

// electron/flows/features/app-inspectors/http-inspector.ts
function isSsdpPort(port) {
  return port === 1900;
}
function recordHttpRequest(s, req) {
  s.httpMethod = req.method;
  s.httpHost = req.host;
  s.httpUserAgent = req.userAgent;
}
function readHttpDatagram(s, d2, off, len) {
  if (s.httpMethod !== null) return;
  const req = parseHttpRequest(d2, off, len);
  if (req !== null) recordHttpRequest(s, req);
}

// electron/dissect/app/quic-crypto-stream.ts
var CRYPTO_STREAM_CAP = 16 * 1024;
var MAX_RANGES = 64;
var QuicCryptoStream = class {
  buf = null;
  /** Received ranges [start, end), sorted and merged. */
  starts = [];
  ends = [];
  failed = false;
  reset() {
    this.buf = null;
    this.starts.length = 0;
    this.ends.length = 0;
    this.failed = false;
  }
  /** Adds a CRYPTO frame's data; bytes beyond the cap are dropped. */
  add(offset, d2, off, len) {
    if (this.failed || len <= 0 || offset >= CRYPTO_STREAM_CAP) return;
    const end = Math.min(offset + len, CRYPTO_STREAM_CAP);
    this.reserve(end);
    this.buf.set(d2.subarray(off, off + (end - offset)), offset);
    this.insertRange(offset, end);
  }
  /** Grows the buffer to hold `end` bytes: most hellos fit in the first 2 KB. */
  reserve(end) {
    const buf = this.buf;
    if (buf !== null && buf.length >= end) return;
    const grown = new Uint8Array(Math.min(CRYPTO_STREAM_CAP, Math.max(2048, end, buf === null ? 0 : buf.length * 2)));
    if (buf !== null) grown.set(buf);
    this.buf = grown;
  }
  /** Length of the contiguous bytes from offset 0. */
  get prefix() {
    return this.starts.length > 0 && this.starts[0] === 0 ? this.ends[0] : 0;
  }
  get bytes() {
    return this.buf;
  }
  insertRange(s, e) {
    const starts = this.starts;
    const ends = this.ends;
    let i = 0;
    while (i < starts.length && ends[i] < s) i++;
    let j = i;
    while (j < starts.length && starts[j] <= e) {
      if (starts[j] < s) s = starts[j];
      if (ends[j] > e) e = ends[j];
      j++;
    }
    starts.splice(i, j - i, s);
    ends.splice(i, j - i, e);
    if (starts.length > MAX_RANGES) this.failed = true;
  }
};

// electron/dissect/app/quic-varint.ts
function varintSize(d2, o) {
  return 1 << (d2[o] >> 6);
}
function varintValue(d2, o) {
  const size = 1 << (d2[o] >> 6);
  let v = d2[o] & 63;
  for (let i = 1; i < size; i++) v = v * 256 + d2[o + i];
  return v;
}

// electron/dissect/app/quic-frames.ts
function readInitialFrames(p, crypto) {
  const end = p.length;
  let o = 0;
  let found = 0;
  while (o < end) {
    const type = p[o];
    if (type === 0 || type === 1) {
      o++;
      continue;
    }
    if (type === 6) {
      const v = readVarints(p, o + 1, end, 2);
      if (v < 0) return found;
      const len = vals[1];
      if (v + len > end) return found;
      crypto.add(vals[0], p, v, len);
      found++;
      o = v + len;
      continue;
    }
    if (type === 2 || type === 3) {
      let q = readVarints(p, o + 1, end, 4);
      if (q < 0) return found;
      const ranges = vals[2];
      for (let i = 0; i < ranges; i++) {
        q = readVarints(p, q, end, 2);
        if (q < 0) return found;
      }
      if (type === 3) q = readVarints(p, q, end, 3);
      if (q < 0) return found;
      o = q;
      continue;
    }
    if (type === 28) {
      const q = readVarints(p, o + 1, end, 3);
      if (q < 0 || q + vals[2] > end) return found;
      o = q + vals[2];
      continue;
    }
    return found;
  }
  return found;
}
var vals = [0, 0, 0, 0];
function readVarints(p, o, end, n) {
  for (let i = 0; i < n; i++) {
    if (o >= end) return -1;
    const size = varintSize(p, o);
    if (o + size > end) return -1;
    vals[i] = varintValue(p, o);
    o += size;
  }
  return o;
}

// electron/dissect/app/quic-versions.ts
var SALT_V1 = Buffer.from("38762cf7f55934b34d179ae6a4c80cadccbb7f0a", "hex");
var SALT_V2 = Buffer.from("0dede3def700a6db819381be6e269dcbf9bd2ed9", "hex");
var SALT_DRAFT_29 = Buffer.from("afbfec289993d24c9e9786f19c6111e04390a899", "hex");
var SALT_DRAFT_23 = Buffer.from("c3eef712c72ebb5a11a7d2432bb46365bef9f502", "hex");
var SALT_DRAFT_22 = Buffer.from("7fbcdb0e7c66bbe9193a96cd21519ebd7a02644a", "hex");
var QUIC_V1 = 1;
var QUIC_V2 = 1798521807;
var versions = /* @__PURE__ */ new Map();
function add(version, salt, labelPrefix = "quic", initialType = 0) {
  versions.set(version, { version, salt, labelPrefix, initialType });
}
add(QUIC_V1, SALT_V1);
add(QUIC_V2, SALT_V2, "quicv2", 1);
for (let draft = 33; draft <= 34; draft++) add(4278190080 + draft, SALT_V1);
for (let draft = 29; draft <= 32; draft++) add(4278190080 + draft, SALT_DRAFT_29);
for (let draft = 23; draft <= 28; draft++) add(4278190080 + draft, SALT_DRAFT_23);
add(4278190102, SALT_DRAFT_22);
add(4207849473, SALT_DRAFT_22);
add(4207849474, SALT_DRAFT_23);
function quicVersionInfo(version) {
  return versions.get(version);
}
function quicVersionText(version) {
  return `0x${(version >>> 0).toString(16).padStart(8, "0")}`;
}

// electron/dissect/app/quic-header.ts
var QuicLongHeader = class {
  version = 0;
  /** Known version's parameters, undefined for versions we cannot open. */
  info = void 0;
  /** Long packet type bits (meaning depends on the version: see isInitial). */
  type = 0;
  dcidOffset = 0;
  dcidLength = 0;
  scidOffset = 0;
  scidLength = 0;
  /** Where the (protected) packet number starts; 0 for Retry and unknown versions. */
  pnOffset = 0;
  /** End of this packet within the datagram (coalesced packets follow it, RFC 9000 §12.2). */
  end = 0;
  get isInitial() {
    return this.info !== void 0 && this.type === this.info.initialType;
  }
  /** Retry is the type after Handshake, modulo 4 (v1: 3, v2: 0). */
  get isRetry() {
    return this.info !== void 0 && this.type === (this.info.initialType + 3 & 3);
  }
};
var MAX_CID = 20;
function readLongHeader(d2, o, end, h) {
  if (end - o < 7 || (d2[o] & 128) === 0) return false;
  h.version = (d2[o + 1] << 24 | d2[o + 2] << 16 | d2[o + 3] << 8 | d2[o + 4]) >>> 0;
  h.info = quicVersionInfo(h.version);
  if (h.info === void 0) return false;
  h.type = d2[o] >> 4 & 3;
  let p = o + 5;
  h.dcidLength = d2[p];
  h.dcidOffset = p + 1;
  p += 1 + h.dcidLength;
  if (h.dcidLength > MAX_CID || p >= end) return false;
  h.scidLength = d2[p];
  h.scidOffset = p + 1;
  p += 1 + h.scidLength;
  if (h.scidLength > MAX_CID || p >= end) return false;
  if (h.isRetry) {
    h.pnOffset = 0;
    h.end = end;
    return true;
  }
  if (h.type === h.info.initialType) {
    const tokenLen = varintAt(d2, p, end);
    if (tokenLen < 0) return false;
    p += varintSize(d2, p) + tokenLen;
    if (p >= end) return false;
  }
  const length = varintAt(d2, p, end);
  if (length < 0) return false;
  p += varintSize(d2, p);
  if (p + length > end) return false;
  h.pnOffset = p;
  h.end = p + length;
  return true;
}
function varintAt(d2, p, end) {
  if (p >= end || p + varintSize(d2, p) > end) return -1;
  return varintValue(d2, p);
}

// electron/dissect/app/quic-keys.ts
import { createHmac } from "node:crypto";
function quicInitialKeys(info, dcid, server) {
  const initial = createHmac("sha256", info.salt).update(dcid).digest();
  const secret = expandLabel(initial, server ? "server in" : "client in", 32);
  return {
    key: expandLabel(secret, `${info.labelPrefix} key`, 16),
    iv: expandLabel(secret, `${info.labelPrefix} iv`, 12),
    hp: expandLabel(secret, `${info.labelPrefix} hp`, 16)
  };
}
function expandLabel(secret, label, length) {
  const full = `tls13 ${label}`;
  const info = Buffer.alloc(2 + 1 + full.length + 1 + 1);
  info.writeUInt16BE(length, 0);
  info[2] = full.length;
  info.write(full, 3, "latin1");
  info[3 + full.length] = 0;
  info[4 + full.length] = 1;
  return createHmac("sha256", secret).update(info).digest().subarray(0, length);
}

// electron/dissect/app/quic-protection.ts
import { createCipheriv, createDecipheriv } from "node:crypto";
var SAMPLE = 16;
var TAG = 16;
function openLongHeaderPacket(d2, start, pnOffset, end, keys, largestPn) {
  const sampleAt = pnOffset + 4;
  if (sampleAt + SAMPLE > end || pnOffset <= start) return null;
  try {
    const ecb = createCipheriv("aes-128-ecb", keys.hp, null);
    ecb.setAutoPadding(false);
    const mask = ecb.update(d2.subarray(sampleAt, sampleAt + SAMPLE));
    const first = d2[start] ^ mask[0] & 15;
    const pnLen = (first & 3) + 1;
    const payloadAt = pnOffset + pnLen;
    if (payloadAt + TAG > end) return null;
    const header = Buffer.from(d2.subarray(start, payloadAt));
    header[0] = first;
    let truncated3 = 0;
    for (let i = 0; i < pnLen; i++) {
      const b = header[pnOffset - start + i] ^ mask[1 + i];
      header[pnOffset - start + i] = b;
      truncated3 = truncated3 * 256 + b;
    }
    const pn = decodePacketNumber(largestPn, truncated3, pnLen * 8);
    const nonce = Buffer.from(keys.iv);
    for (let i = 0, v = pn; i < 8 && v > 0; i++, v = Math.floor(v / 256)) nonce[11 - i] ^= v % 256;
    const gcm = createDecipheriv("aes-128-gcm", keys.key, nonce);
    gcm.setAAD(header);
    gcm.setAuthTag(d2.subarray(end - TAG, end));
    const head = gcm.update(d2.subarray(payloadAt, end - TAG));
    const tail = gcm.final();
    return { packetNumber: pn, payload: tail.length > 0 ? Buffer.concat([head, tail]) : head };
  } catch {
    return null;
  }
}
function decodePacketNumber(largest, truncated3, bits) {
  const expected = largest + 1;
  const win = 2 ** bits;
  const half = win / 2;
  const candidate = Math.floor(expected / win) * win + truncated3;
  if (candidate <= expected - half && candidate < 2 ** 62 - win) return candidate + win;
  if (candidate > expected + half && candidate >= win) return candidate - win;
  return candidate;
}

// electron/dissect/app/tls.ts
var HANDSHAKE_CLIENT_HELLO = 1;
var HANDSHAKE_SERVER_HELLO = 2;
var EXT_SERVER_NAME = 0;
var EXT_SUPPORTED_GROUPS = 10;
var EXT_EC_POINT_FORMATS = 11;
var EXT_SIGNATURE_ALGORITHMS = 13;
var EXT_ALPN = 16;
var EXT_SUPPORTED_VERSIONS = 43;
var MAX_LIST = 512;
function parseClientHello(d2, off, length) {
  const end = messageEnd(d2, off, length, HANDSHAKE_CLIENT_HELLO);
  if (end < 0) return null;
  let o = off + 4;
  if (o + 35 > end) return null;
  const ch = {
    legacyVersion: d2[o] << 8 | d2[o + 1],
    cipherSuites: [],
    extensions: [],
    supportedVersions: [],
    supportedGroups: [],
    ecPointFormats: [],
    signatureAlgorithms: [],
    sni: null,
    alpn: [],
    truncated: end < off + 4 + declaredLength(d2, off)
  };
  o += 34;
  o += 1 + d2[o];
  if (o + 2 > end) return null;
  const cipherLen = d2[o] << 8 | d2[o + 1];
  o += 2;
  if (o + cipherLen > end) {
    ch.truncated = true;
    readU16List(d2, o, end, ch.cipherSuites);
    return ch;
  }
  readU16List(d2, o, o + cipherLen, ch.cipherSuites);
  o += cipherLen;
  if (o >= end) {
    ch.truncated = true;
    return ch;
  }
  o += 1 + d2[o];
  if (o + 2 > end) {
    if (o !== end) ch.truncated = true;
    return ch;
  }
  const extEnd = Math.min(o + 2 + (d2[o] << 8 | d2[o + 1]), end);
  if (o + 2 + (d2[o] << 8 | d2[o + 1]) > end) ch.truncated = true;
  o += 2;
  for (let n = 0; o + 4 <= extEnd && n < MAX_LIST; n++) {
    const type = d2[o] << 8 | d2[o + 1];
    const len = d2[o + 2] << 8 | d2[o + 3];
    const body = o + 4;
    ch.extensions.push(type);
    if (body + len > extEnd) {
      ch.truncated = true;
      break;
    }
    readClientExtension(d2, type, body, body + len, ch);
    o = body + len;
  }
  return ch;
}
function readClientExtension(d2, type, o, end, ch) {
  switch (type) {
    case EXT_SERVER_NAME: {
      let p = o + 2;
      for (let n = 0; p + 3 <= end && n < MAX_LIST; n++) {
        const len = d2[p + 1] << 8 | d2[p + 2];
        if (p + 3 + len > end) break;
        if (d2[p] === 0 && ch.sni === null) ch.sni = latin13(d2, p + 3, len);
        p += 3 + len;
      }
      break;
    }
    case EXT_SUPPORTED_GROUPS:
      readU16List(d2, o + 2, Math.min(end, o + 2 + u16(d2, o, end)), ch.supportedGroups);
      break;
    case EXT_EC_POINT_FORMATS:
      if (o < end) for (let p = o + 1; p < end && p <= o + d2[o]; p++) ch.ecPointFormats.push(d2[p]);
      break;
    case EXT_SIGNATURE_ALGORITHMS:
      readU16List(d2, o + 2, Math.min(end, o + 2 + u16(d2, o, end)), ch.signatureAlgorithms);
      break;
    case EXT_ALPN:
      readAlpnList(d2, o + 2, Math.min(end, o + 2 + u16(d2, o, end)), ch.alpn);
      break;
    case EXT_SUPPORTED_VERSIONS:
      if (o < end) readU16List(d2, o + 1, Math.min(end, o + 1 + d2[o]), ch.supportedVersions);
      break;
  }
}
function parseServerHello(d2, off, length) {
  const end = messageEnd(d2, off, length, HANDSHAKE_SERVER_HELLO);
  if (end < 0) return null;
  let o = off + 4;
  if (o + 35 > end) return null;
  const legacyVersion = d2[o] << 8 | d2[o + 1];
  o += 34;
  o += 1 + d2[o];
  if (o + 3 > end) return null;
  const sh = {
    legacyVersion,
    selectedVersion: 0,
    cipherSuite: d2[o] << 8 | d2[o + 1],
    extensions: [],
    alpn: null,
    truncated: end < off + 4 + declaredLength(d2, off)
  };
  o += 3;
  if (o + 2 > end) return sh;
  const declared = o + 2 + (d2[o] << 8 | d2[o + 1]);
  const extEnd = Math.min(declared, end);
  if (declared > end) sh.truncated = true;
  o += 2;
  for (let n = 0; o + 4 <= extEnd && n < MAX_LIST; n++) {
    const type = d2[o] << 8 | d2[o + 1];
    const len = d2[o + 2] << 8 | d2[o + 3];
    const body = o + 4;
    sh.extensions.push(type);
    if (body + len > extEnd) {
      sh.truncated = true;
      break;
    }
    if (type === EXT_SUPPORTED_VERSIONS && len >= 2) sh.selectedVersion = d2[body] << 8 | d2[body + 1];
    else if (type === EXT_ALPN) {
      const names2 = [];
      readAlpnList(d2, body + 2, Math.min(body + len, body + 2 + u16(d2, body, body + len)), names2);
      if (names2.length > 0) sh.alpn = names2[0];
    }
    o = body + len;
  }
  return sh;
}
function messageEnd(d2, off, length, type) {
  const avail = Math.min(off + length, d2.length);
  if (avail - off < 4 || d2[off] !== type) return -1;
  return Math.min(avail, off + 4 + declaredLength(d2, off));
}
function declaredLength(d2, off) {
  return d2[off + 1] << 16 | d2[off + 2] << 8 | d2[off + 3];
}
function u16(d2, o, end) {
  return o + 2 <= end ? d2[o] << 8 | d2[o + 1] : 0;
}
function readU16List(d2, o, end, out) {
  for (let n = 0; o + 2 <= end && n < MAX_LIST; n++, o += 2) out.push(d2[o] << 8 | d2[o + 1]);
}
function readAlpnList(d2, o, end, out) {
  for (let n = 0; o < end && n < MAX_LIST; n++) {
    const len = d2[o];
    if (o + 1 + len > end) return;
    out.push(latin13(d2, o + 1, len));
    o += 1 + len;
  }
}
function latin13(d2, o, len) {
  let s = "";
  for (let i = 0; i < len; i++) s += String.fromCharCode(d2[o + i]);
  return s;
}

// electron/dissect/app/quic.ts
var MAX_COALESCED = 8;
var QuicInitialReader = class {
  /** Version of the first Initial packet, 0 until one is seen. */
  version = 0;
  clientHello = null;
  serverHello = null;
  clientSide = null;
  keysDcid = null;
  clientKeys = null;
  serverKeys = null;
  largestClientPn = -1;
  largestServerPn = -1;
  clientCrypto = new QuicCryptoStream();
  serverCrypto = new QuicCryptoStream();
  h = new QuicLongHeader();
  reset() {
    this.version = 0;
    this.clientHello = this.serverHello = null;
    this.clientSide = null;
    this.keysDcid = null;
    this.clientKeys = this.serverKeys = null;
    this.largestClientPn = this.largestServerPn = -1;
    this.clientCrypto.reset();
    this.serverCrypto.reset();
  }
  /** Both hellos are read (or can no longer be). */
  get finished() {
    return this.clientHello !== null && this.serverHello !== null;
  }
  /**
   * Feeds one UDP payload from `side` (any stable boolean, e.g. the flow
   * direction). Returns false when it does not start with a long-header packet
   * of a version we know, so callers can stop treating the flow as QUIC.
   */
  push(d2, off, len, side) {
    const end = Math.min(off + len, d2.length);
    const h = this.h;
    let o = off;
    for (let i = 0; i < MAX_COALESCED && o < end; i++) {
      if (!readLongHeader(d2, o, end, h)) return i > 0;
      if (h.isInitial) {
        if (this.version === 0) {
          this.version = h.version;
          this.clientSide = side;
        }
        this.openInitial(d2, o, side === this.clientSide);
      } else if (h.isRetry) {
        if (this.clientSide !== null && side !== this.clientSide) this.useDcid(d2.subarray(h.scidOffset, h.scidOffset + h.scidLength));
        break;
      }
      o = h.end;
    }
    return true;
  }
  openInitial(d2, start, fromClient) {
    const h = this.h;
    if (fromClient ? this.clientHello !== null : this.serverHello !== null) return;
    const info = h.info;
    if (fromClient) {
      const dcid = d2.subarray(h.dcidOffset, h.dcidOffset + h.dcidLength);
      if (this.clientKeys === null) this.useDcid(dcid);
      let opened = openLongHeaderPacket(d2, start, h.pnOffset, h.end, this.clientKeys, this.largestClientPn);
      if (opened === null && !sameBytes(dcid, this.keysDcid)) {
        const previous = [this.keysDcid, this.clientKeys];
        this.useDcid(dcid);
        opened = openLongHeaderPacket(d2, start, h.pnOffset, h.end, this.clientKeys, -1);
        if (opened === null) [this.keysDcid, this.clientKeys] = previous;
      }
      if (opened === null) return;
      if (opened.packetNumber > this.largestClientPn) this.largestClientPn = opened.packetNumber;
      readInitialFrames(opened.payload, this.clientCrypto);
      this.clientHello = this.completeMessage(this.clientCrypto, parseClientHello);
    } else {
      if (this.keysDcid === null) return;
      this.serverKeys ??= quicInitialKeys(info, this.keysDcid, true);
      const opened = openLongHeaderPacket(d2, start, h.pnOffset, h.end, this.serverKeys, this.largestServerPn);
      if (opened === null) return;
      if (opened.packetNumber > this.largestServerPn) this.largestServerPn = opened.packetNumber;
      readInitialFrames(opened.payload, this.serverCrypto);
      this.serverHello = this.completeMessage(this.serverCrypto, parseServerHello);
    }
  }
  useDcid(dcid) {
    this.keysDcid = Uint8Array.from(dcid);
    this.clientKeys = quicInitialKeys(this.h.info, this.keysDcid, false);
    this.serverKeys = null;
    this.largestServerPn = -1;
  }
  /** Parses the first handshake message once the contiguous CRYPTO prefix holds all of it. */
  completeMessage(s, parse) {
    const bytes = s.bytes;
    const prefix = s.prefix;
    if (bytes === null || prefix < 4) return null;
    const need = 4 + (bytes[1] << 16 | bytes[2] << 8 | bytes[3]);
    if (prefix < need) return null;
    return parse(bytes, 0, need);
  }
};
function sameBytes(a, b) {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

// electron/dissect/app/tls-version.ts
function tlsVersionName(v) {
  switch (v) {
    case 2:
      return "SSL 2.0";
    case 768:
      return "SSL 3.0";
    case 769:
      return "TLS 1.0";
    case 770:
      return "TLS 1.1";
    case 771:
      return "TLS 1.2";
    case 772:
      return "TLS 1.3";
    case 65279:
      return "DTLS 1.0";
    case 65277:
      return "DTLS 1.2";
    case 65276:
      return "DTLS 1.3";
  }
  if ((v & 65280) === 32512) return `TLS 1.3 (draft ${v & 255})`;
  return `0x${v.toString(16).padStart(4, "0")}`;
}

// electron/dissect/fingerprints/digest-memo.ts
import { createHash } from "node:crypto";
var MAX_ENTRIES = 8192;
function memoDigest(algorithm) {
  const memo = /* @__PURE__ */ new Map();
  return (text2) => {
    let hex = memo.get(text2);
    if (hex === void 0) {
      hex = createHash(algorithm).update(text2, "latin1").digest("hex");
      if (memo.size >= MAX_ENTRIES) memo.delete(memo.keys().next().value);
      memo.set(text2, hex);
    }
    return hex;
  };
}

// electron/dissect/app/tls-grease.ts
function isGrease(v) {
  return (v & 3855) === 2570 && v >> 8 === (v & 255);
}

// electron/dissect/fingerprints/ja3.ts
function ja3(ch) {
  const text2 = `${ch.legacyVersion},${join3(ch.cipherSuites)},${join3(ch.extensions)},${join3(ch.supportedGroups)},${ch.ecPointFormats.join("-")}`;
  return { text: text2, hash: md5(text2) };
}
function ja3s(sh) {
  const text2 = `${sh.legacyVersion},${sh.cipherSuite},${join3(sh.extensions)}`;
  return { text: text2, hash: md5(text2) };
}
function join3(values) {
  let s = "";
  for (const v of values) {
    if (isGrease(v)) continue;
    s += s === "" ? `${v}` : `-${v}`;
  }
  return s;
}
var md5 = memoDigest("md5");

// electron/dissect/fingerprints/ja4.ts
var EMPTY_HASH = "000000000000";
function ja4(ch, transport) {
  const ciphers = hex4List(ch.cipherSuites);
  const extensions = hex4List(ch.extensions);
  const a = transport + versionCode(ch) + (ch.sni !== null ? "d" : "i") + count(ciphers.length) + count(extensions.length) + alpnCode(ch.alpn.length > 0 ? ch.alpn[0] : "");
  const b = ciphers.length === 0 ? EMPTY_HASH : sha256_12(ciphers.sort().join(","));
  const hashed = extensions.filter((e) => e !== hex4(EXT_SERVER_NAME) && e !== hex4(EXT_ALPN)).sort();
  const sigs = hex4List(ch.signatureAlgorithms);
  const c = hashed.length === 0 ? EMPTY_HASH : sha256_12(sigs.length > 0 ? `${hashed.join(",")}_${sigs.join(",")}` : hashed.join(","));
  return `${a}_${b}_${c}`;
}
function versionCode(ch) {
  let v = -1;
  for (const x of ch.supportedVersions) if (!isGrease(x) && x > v) v = x;
  if (v < 0) v = ch.legacyVersion;
  switch (v) {
    case 772:
      return "13";
    case 771:
      return "12";
    case 770:
      return "11";
    case 769:
      return "10";
    case 768:
      return "s3";
    case 2:
      return "s2";
    case 65279:
      return "d1";
    case 65277:
      return "d2";
    case 65276:
      return "d3";
    default:
      return "00";
  }
}
function count(n) {
  return n > 99 ? "99" : n < 10 ? `0${n}` : `${n}`;
}
function alpnCode(value2) {
  if (value2.length === 0) return "00";
  const first = value2.charCodeAt(0);
  const last = value2.charCodeAt(value2.length - 1);
  if (isAlnum(first) && isAlnum(last)) return value2[0] + value2[value2.length - 1];
  const hexFirst = (first & 255).toString(16).padStart(2, "0");
  const hexLast = (last & 255).toString(16).padStart(2, "0");
  return hexFirst[0] + hexLast[1];
}
function isAlnum(c) {
  return c >= 48 && c <= 57 || c >= 65 && c <= 90 || c >= 97 && c <= 122;
}
function hex4(v) {
  return v.toString(16).padStart(4, "0");
}
function hex4List(values) {
  const out = [];
  for (const v of values) if (!isGrease(v)) out.push(hex4(v));
  return out;
}
var sha256 = memoDigest("sha256");
function sha256_12(text2) {
  return sha256(text2).slice(0, 12);
}

// electron/flows/features/app-inspectors/hello-columns.ts
function recordClientHello(s, ch, transport) {
  s.clientHelloSeen = true;
  s.sni = ch.sni;
  s.alpn = ch.alpn.length > 0 ? ch.alpn.join(",") : null;
  s.ja3 = ja3(ch).hash;
  s.ja4 = ja4(ch, transport);
}
function recordServerHello(s, sh) {
  s.serverHelloSeen = true;
  s.tlsVersion = tlsVersionName(sh.selectedVersion !== 0 ? sh.selectedVersion : sh.legacyVersion);
  s.tlsCipher = `0x${sh.cipherSuite.toString(16).padStart(4, "0")}`;
  s.ja3s = ja3s(sh).hash;
  if (sh.alpn !== null) s.alpnServer = sh.alpn;
}

// electron/flows/features/app-inspectors/quic-inspector.ts
function looksLikeQuicLongHeader(d2, off, len) {
  return len >= 7 && (d2[off] & 192) === 192;
}
function readQuicDatagram(s, d2, off, len, fwd) {
  const r = s.quic ??= new QuicInitialReader();
  const isQuic = r.push(d2, off, len, fwd);
  if (r.version === 0) {
    if (!isQuic) s.kind = AppKind.None;
    return;
  }
  s.quicVersion ??= quicVersionText(r.version);
  if (!s.clientHelloSeen && r.clientHello !== null) recordClientHello(s, r.clientHello, "q");
  if (!s.serverHelloSeen && r.serverHello !== null) recordServerHello(s, r.serverHello);
}

// electron/dissect/app/tcp-prefix.ts
var TcpPrefix = class {
  constructor(cap) {
    this.cap = cap;
  }
  cap;
  /** The stream's bytes so far after a push: view[viewOffset, viewOffset + viewLength). */
  view = EMPTY;
  viewOffset = 0;
  viewLength = 0;
  /** A gap or the cap ended it: no more bytes will come. */
  failed = false;
  nextSeq = -1;
  buf = null;
  used = 0;
  /** The view is the caller's segment, not yet copied. */
  borrowed = false;
  reset() {
    this.view = EMPTY;
    this.viewOffset = this.viewLength = 0;
    this.failed = false;
    this.nextSeq = -1;
    this.buf = null;
    this.used = 0;
    this.borrowed = false;
  }
  /**
   * Feeds the payload of a segment starting at sequence number `seq`. Returns
   * true when new bytes were added (the view changed), false for a pure
   * retransmission or once failed.
   */
  push(seq, data, off, len) {
    if (this.failed || len <= 0) return false;
    if (this.borrowed) return this.fail();
    if (this.nextSeq < 0) this.nextSeq = seq >>> 0;
    const delta = seq - this.nextSeq | 0;
    if (delta > 0) return this.fail();
    if (delta < 0) {
      if (-delta >= len) return false;
      off -= delta;
      len += delta;
    }
    this.nextSeq = this.nextSeq + len >>> 0;
    if (this.used === 0 && this.buf === null) {
      this.view = data;
      this.viewOffset = off;
      this.viewLength = Math.min(len, this.cap);
      this.borrowed = true;
      return true;
    }
    if (this.used + len > this.cap) return this.fail();
    this.append(data, off, len);
    return true;
  }
  /** Keeps the borrowed first segment: call before the packet's bytes go away if more is needed. */
  retain() {
    if (!this.borrowed) return;
    this.borrowed = false;
    this.append(this.view, this.viewOffset, this.viewLength);
  }
  /** Drops the buffer (the parser is done with this direction). */
  release() {
    this.buf = null;
    this.view = EMPTY;
    this.viewOffset = this.viewLength = 0;
    this.borrowed = false;
  }
  append(data, off, len) {
    let buf = this.buf;
    if (buf === null || buf.length < this.used + len) {
      const grown = new Uint8Array(Math.min(this.cap, Math.max(2048, (this.used + len) * 2)));
      if (buf !== null) grown.set(buf.subarray(0, this.used));
      this.buf = buf = grown;
    }
    buf.set(data.subarray(off, off + len), this.used);
    this.used += len;
    this.view = buf;
    this.viewOffset = 0;
    this.viewLength = this.used;
  }
  fail() {
    this.failed = true;
    this.release();
    return false;
  }
};
var EMPTY = new Uint8Array(0);

// electron/dissect/app/http-stream.ts
var HTTP_HEAD_CAP = 16 * 1024;
var HttpHeadStream = class {
  request = null;
  /** No more bytes will be read: the head is complete, or the stream gave up. */
  finished = false;
  prefix = new TcpPrefix(HTTP_HEAD_CAP);
  reset() {
    this.request = null;
    this.finished = false;
    this.prefix.reset();
  }
  push(seq, data, off, len) {
    if (this.finished) return;
    const p = this.prefix;
    if (!p.push(seq, data, off, len)) {
      if (p.failed) this.finished = true;
      return;
    }
    const req = parseHttpRequest(p.view, p.viewOffset, p.viewLength);
    if (req !== null) this.request = req;
    if (req === null || !req.truncated || p.viewLength >= HTTP_HEAD_CAP) {
      this.finished = true;
      p.release();
    } else {
      p.retain();
    }
  }
};

// electron/dissect/app/tls-records.ts
var CONTENT_CHANGE_CIPHER_SPEC = 20;
var CONTENT_ALERT = 21;
var CONTENT_HANDSHAKE = 22;
var RECORD_HEADER = 5;
var MAX_RECORD2 = (1 << 14) + 2048;
function firstHandshakeMessage(d2, off, len, cap) {
  const end = Math.min(off + len, d2.length);
  let o = off;
  let copy = null;
  let got = 0;
  let need = -1;
  for (let records = 0; records < 4096; records++) {
    if (end - o < RECORD_HEADER) return looksLikeRecordStart(d2, o, end) ? "more" : null;
    const type = d2[o];
    const recLen = d2[o + 3] << 8 | d2[o + 4];
    if (d2[o + 1] !== 3 || d2[o + 2] > 4 || recLen === 0 || recLen > MAX_RECORD2) return null;
    if (type !== CONTENT_HANDSHAKE) {
      if (copy !== null || type !== CONTENT_ALERT && type !== CONTENT_CHANGE_CIPHER_SPEC) return null;
      if (o + RECORD_HEADER + recLen >= end) return "more";
      o += RECORD_HEADER + recLen;
      continue;
    }
    const frag = o + RECORD_HEADER;
    const fragEnd = frag + recLen;
    const availEnd = fragEnd < end ? fragEnd : end;
    if (copy === null && availEnd - frag >= 4) {
      need = 4 + (d2[frag + 1] << 16 | d2[frag + 2] << 8 | d2[frag + 3]);
      if (need > cap) return null;
      if (need <= recLen) return availEnd - frag >= need ? { data: d2, offset: frag, length: need } : "more";
    }
    if (copy === null) copy = new Uint8Array(need > 0 ? need : cap);
    for (let i = frag; i < availEnd && got < copy.length; i++) copy[got++] = d2[i];
    if (need < 0 && got >= 4) {
      need = 4 + (copy[1] << 16 | copy[2] << 8 | copy[3]);
      if (need > cap) return null;
    }
    if (need > 0 && got >= need) return { data: copy, offset: 0, length: need };
    if (fragEnd >= end) return "more";
    o = fragEnd;
  }
  return null;
}
function looksLikeRecordStart(d2, o, end) {
  if (o >= end) return true;
  if (d2[o] !== CONTENT_HANDSHAKE && d2[o] !== CONTENT_ALERT && d2[o] !== CONTENT_CHANGE_CIPHER_SPEC) return false;
  return o + 1 >= end || d2[o + 1] === 3;
}

// electron/dissect/app/tls-stream.ts
var TLS_STREAM_CAP = 16 * 1024;
var TlsStreamStatus = {
  /** Waiting for more segments. */
  More: 0,
  /** `message` holds the first handshake message. */
  Done: 1,
  /** Not TLS, a gap in the sequence space, or the message outgrew the cap. */
  Failed: 2
};
var TlsHandshakeStream = class {
  status = TlsStreamStatus.More;
  /** Valid once status is Done; may view the caller's packet bytes, so use it before the next packet. */
  message = null;
  prefix = new TcpPrefix(TLS_STREAM_CAP);
  reset() {
    this.status = TlsStreamStatus.More;
    this.message = null;
    this.prefix.reset();
  }
  /** Feeds one segment's payload starting at sequence number `seq`. */
  push(seq, data, off, len) {
    if (this.status !== TlsStreamStatus.More) return this.status;
    const p = this.prefix;
    if (!p.push(seq, data, off, len)) {
      if (p.failed) this.status = TlsStreamStatus.Failed;
      return this.status;
    }
    const scan = firstHandshakeMessage(p.view, p.viewOffset, p.viewLength, TLS_STREAM_CAP);
    if (scan === "more") {
      p.retain();
      return this.status;
    }
    p.release();
    if (scan === null) {
      this.status = TlsStreamStatus.Failed;
    } else {
      this.message = scan;
      this.status = TlsStreamStatus.Done;
    }
    return this.status;
  }
};

// electron/flows/features/app-inspectors/tcp-inspector.ts
function inspectTcpSegment(s, p, d2, fwd, ts, sink) {
  const off = p.payloadOffset;
  const len = p.payloadLength;
  let kind = fwd ? s.fwdTcp : s.bwdTcp;
  if (kind === TcpDirKind.Unknown) {
    kind = classify(s, p, d2, off, len);
    if (fwd) s.fwdTcp = kind;
    else s.bwdTcp = kind;
  }
  const seq = (p.tcpFlags & TCP_SYN) !== 0 ? p.tcpSeq + 1 >>> 0 : p.tcpSeq;
  switch (kind) {
    case TcpDirKind.Tls:
      readTls(s, seq, d2, off, len, fwd);
      break;
    case TcpDirKind.Http:
      s.http.push(seq, d2, off, len);
      if (s.http.request !== null) recordHttpRequest(s, s.http.request);
      break;
    case TcpDirKind.DnsTcp:
      readDnsTcpSegment(s, p, d2, fwd, ts, sink);
      break;
  }
}
function tcpFinished(s) {
  return dirFinished(s, s.fwdTcp, s.fwdTls) && dirFinished(s, s.bwdTcp, s.bwdTls);
}
function dirFinished(s, kind, tls) {
  switch (kind) {
    case TcpDirKind.None:
      return true;
    case TcpDirKind.Tls:
      return tls.status !== TlsStreamStatus.More;
    case TcpDirKind.Http:
      return s.http.finished;
    // Unknown: not heard from yet. DNS: answers keep coming until the packet cap.
    default:
      return false;
  }
}
function classify(s, p, d2, off, len) {
  if (p.srcPort === 53 || p.dstPort === 53) return TcpDirKind.DnsTcp;
  if (len >= 2 && (d2[off] === CONTENT_HANDSHAKE || d2[off] === CONTENT_ALERT) && d2[off + 1] === 3) return TcpDirKind.Tls;
  if (s.http === null || s.http.request === null) {
    if (parseHttpRequest(d2, off, len) !== null) {
      (s.http ??= new HttpHeadStream()).reset();
      return TcpDirKind.Http;
    }
  }
  return TcpDirKind.None;
}
function readTls(s, seq, d2, off, len, fwd) {
  let stream = fwd ? s.fwdTls : s.bwdTls;
  if (stream === null) {
    stream = new TlsHandshakeStream();
    if (fwd) s.fwdTls = stream;
    else s.bwdTls = stream;
  }
  if (stream.status !== TlsStreamStatus.More) return;
  if (stream.push(seq, d2, off, len) !== TlsStreamStatus.Done) return;
  const m = stream.message;
  const type = m.data[m.offset];
  if (type === HANDSHAKE_CLIENT_HELLO && !s.clientHelloSeen) {
    const ch = parseClientHello(m.data, m.offset, m.length);
    if (ch !== null) recordClientHello(s, ch, "t");
  } else if (type === HANDSHAKE_SERVER_HELLO && !s.serverHelloSeen) {
    const sh = parseServerHello(m.data, m.offset, m.length);
    if (sh !== null) recordServerHello(s, sh);
  }
  stream.message = null;
}

// electron/flows/features/app-metadata.ts
var C3 = {
  sni: columnOf("sni"),
  alpn: columnOf("alpn"),
  alpnServer: columnOf("alpn_server"),
  tlsVersion: columnOf("tls_version"),
  tlsCipher: columnOf("tls_cipher"),
  ja3: columnOf("ja3"),
  ja3s: columnOf("ja3s"),
  ja4: columnOf("ja4"),
  quicVersion: columnOf("quic_version"),
  httpHost: columnOf("http_host"),
  httpMethod: columnOf("http_method"),
  httpUserAgent: columnOf("http_user_agent"),
  dnsQuery: columnOf("dns_query"),
  dnsQtype: columnOf("dns_qtype"),
  dnsRcode: columnOf("dns_rcode"),
  dhcpHostname: columnOf("dhcp_hostname"),
  dhcpClientMac: columnOf("dhcp_client_mac")
};
function appMetadata(opts = {}) {
  const sink = opts.onDnsAnswer;
  const cap = opts.maxPayloadPackets ?? 8;
  return {
    name: "app-metadata",
    create: () => new AppMetadataState(),
    init(s) {
      s.reset();
    },
    update(s, f, p, rec, ts, fwd) {
      if (s.done || p.payloadLength === 0 || !p.hasPorts) return;
      const seen = fwd ? ++s.fwdPayloads : ++s.bwdPayloads;
      if (seen > cap) {
        if (s.fwdPayloads > cap && s.bwdPayloads > cap) s.finish();
        return;
      }
      if (s.kind === AppKind.Unknown) s.kind = classify2(f, p, rec.data);
      const d2 = rec.data;
      const off = p.payloadOffset;
      const len = p.payloadLength;
      switch (s.kind) {
        case AppKind.Tcp:
          inspectTcpSegment(s, p, d2, fwd, ts, sink);
          if (tcpFinished(s)) s.finish();
          break;
        case AppKind.Dns:
          readDnsDatagram(s, d2, off, len, ts, sink);
          break;
        case AppKind.Quic:
          readQuicDatagram(s, d2, off, len, fwd);
          if (s.clientHelloSeen && s.serverHelloSeen) s.finish();
          break;
        case AppKind.Dhcp:
          readDhcpDatagram(s, d2, off, len);
          if (dhcpFinished(s)) s.finish();
          break;
        case AppKind.HttpUdp:
          readHttpDatagram(s, d2, off, len);
          if (s.httpMethod !== null) s.finish();
          break;
      }
      if (s.kind === AppKind.None) s.finish();
    },
    emit(s, _f, row) {
      row[C3.sni] = s.sni;
      row[C3.alpn] = s.alpn;
      row[C3.alpnServer] = s.alpnServer;
      row[C3.tlsVersion] = s.tlsVersion;
      row[C3.tlsCipher] = s.tlsCipher;
      row[C3.ja3] = s.ja3;
      row[C3.ja3s] = s.ja3s;
      row[C3.ja4] = s.ja4;
      row[C3.quicVersion] = s.quicVersion;
      row[C3.httpHost] = s.httpHost;
      row[C3.httpMethod] = s.httpMethod;
      row[C3.httpUserAgent] = s.httpUserAgent;
      row[C3.dnsQuery] = s.dnsQuery;
      row[C3.dnsQtype] = s.dnsQtype;
      row[C3.dnsRcode] = s.dnsRcode;
      row[C3.dhcpHostname] = s.dhcpHostname;
      row[C3.dhcpClientMac] = s.dhcpClientMac;
    }
  };
}
function classify2(f, p, d2) {
  if (f.proto === IPPROTO_TCP) return AppKind.Tcp;
  if (f.proto !== IPPROTO_UDP) return AppKind.None;
  if (isDhcpPorts(p.srcPort, p.dstPort)) return AppKind.Dhcp;
  if (isDnsUdpPort(p.srcPort) || isDnsUdpPort(p.dstPort)) return AppKind.Dns;
  if (isSsdpPort(p.srcPort) || isSsdpPort(p.dstPort)) return AppKind.HttpUdp;
  if (looksLikeQuicLongHeader(d2, p.payloadOffset, p.payloadLength)) return AppKind.Quic;
  return AppKind.None;
}

// electron/flows/conn-history.ts
var MAX_LETTERS = 64;
var ConnHistory = class {
  letters = new Uint8Array(MAX_LETTERS);
  length = 0;
  seen = 0;
  reset() {
    this.length = 0;
    this.seen = 0;
  }
  /** Records `code` unless `mask` was seen before; returns whether it had been seen. */
  check(mask, code) {
    if ((this.seen & mask) !== 0) return true;
    this.seen |= mask;
    this.add(code);
    return false;
  }
  add(code) {
    if (this.length < MAX_LETTERS) this.letters[this.length++] = code;
  }
  get empty() {
    return this.length === 0;
  }
  toString() {
    return String.fromCharCode(...this.letters.subarray(0, this.length));
  }
};
function letter(c) {
  return c.charCodeAt(0);
}
function forSide(code, isOrig) {
  return isOrig ? code : code | 32;
}

// electron/flows/zeek-tcp-endpoint.ts
var EndpointState = {
  /** Nothing seen from this side. */
  Inactive: 0,
  /** SYN seen, no ACK of it yet. */
  SynSent: 1,
  /** SYN-ACK seen without the initial SYN. */
  SynAckSent: 2,
  /** Data seen, but no SYN. */
  Partial: 3,
  Established: 4,
  /** FIN seen. */
  Closed: 5,
  /** RST seen. */
  Reset: 6
};
var Hist = { Syn: 1, Fin: 2, Rst: 4, FinRst: 8, Data: 16, Ack: 32, MultiFlag: 64 };
var SCALE_BASE = 10;
var ZeekTcpEndpoint = class {
  isOrig = true;
  state = EndpointState.Inactive;
  prevState = EndpointState.Inactive;
  /** Initial sequence number (one before the first byte for a partial connection); int32, as all three. */
  startSeq = 0;
  /** One past the highest sequence sent, and the highest ACK received from the peer. */
  lastSeq = 0;
  ackSeq = 0;
  seqWraps = 0;
  ackWraps = 0;
  finCount = 0;
  /** Relative sequence numbers of the last SYN, FIN and RST, to skip repeats in the history. */
  histLastSyn = 0;
  histLastFin = 0;
  histLastRst = 0;
  rxmtCount = 0;
  rxmtThreshold = 1;
  win0Count = 0;
  win0Threshold = 1;
  reset(isOrig) {
    this.isOrig = isOrig;
    this.state = this.prevState = EndpointState.Inactive;
    this.startSeq = this.lastSeq = this.ackSeq = 0;
    this.seqWraps = this.ackWraps = 0;
    this.finCount = 0;
    this.histLastSyn = this.histLastFin = this.histLastRst = 0;
    this.rxmtCount = this.win0Count = 0;
    this.rxmtThreshold = this.win0Threshold = 1;
  }
  setState(s) {
    if (s === this.state) return;
    this.prevState = this.state;
    this.state = s;
  }
  /** Zeek's InitStartSeq, InitAckSeq and InitLastSeq together (always used so). */
  initSeqs(start, last) {
    this.startSeq = start;
    this.ackSeq = start;
    this.lastSeq = last;
  }
  /** Zeek's UpdateLastSeq/UpdateAckSeq: a smaller unsigned value means the sequence wrapped. */
  updateLastSeq(seq) {
    if (seq >>> 0 < this.lastSeq >>> 0) this.seqWraps++;
    this.lastSeq = seq;
  }
  updateAckSeq(seq) {
    if (seq >>> 0 < this.ackSeq >>> 0) this.ackWraps++;
    this.ackSeq = seq;
  }
  /** Bytes sent (TCP_Endpoint::Size), as far as conn_state needs it: is it zero? */
  size(peer) {
    if (this.prevState === EndpointState.SynSent && this.state === EndpointState.Reset && peer.state === EndpointState.Inactive && !this.noDataAcked()) return 0;
    const last = this.seqWraps * 2 ** 32 + (this.lastSeq >>> 0);
    const acked = this.ackWraps * 2 ** 32 + (this.ackSeq >>> 0);
    let size = (last > acked ? last : acked) - (this.startSeq >>> 0);
    if (size !== 0) size--;
    if (this.finCount > 0 && size !== 0) size--;
    return size;
  }
  noDataAcked() {
    const acked = this.ackWraps * 2 ** 32 + (this.ackSeq >>> 0);
    const start = this.startSeq >>> 0;
    return acked === start || acked === start + 1;
  }
  /** TCP_Endpoint::CheckHistory: the responder's mask bits sit 16 higher, its letter in lower case. */
  checkHistory(h, mask, code) {
    return h.check(this.isOrig ? mask : mask << 16, forSide(code, this.isOrig));
  }
  addHistory(h, code) {
    h.add(forSide(code, this.isOrig));
  }
  /** 'T': a retransmission (DidRxmit), logarithmically scaled. */
  didRetransmit(h, code) {
    if (++this.rxmtCount === this.rxmtThreshold) {
      this.addHistory(h, code);
      this.rxmtThreshold *= SCALE_BASE;
    }
  }
  /** 'W': a zero window advertised (ZeroWindow), logarithmically scaled. */
  zeroWindow(h, code) {
    if (++this.win0Count === this.win0Threshold) {
      this.addHistory(h, code);
      this.win0Threshold *= SCALE_BASE;
    }
  }
};

// electron/flows/conn-state.ts
var RSTOS0_HISTORY = /^\^?S[^HAFGIQ]*R.*$/;
function inactive(ep) {
  return ep.state === EndpointState.Inactive || ep.state === EndpointState.Partial;
}
function tcpConnState(s) {
  const o = s.orig;
  const r = s.resp;
  const os = o.state;
  const rs = r.state;
  if (rs === EndpointState.Reset) {
    if (os === EndpointState.SynSent || os === EndpointState.SynAckSent || os === EndpointState.Reset && o.size(r) === 0 && r.size(o) === 0) return "REJ";
    return inactive(o) ? "RSTRH" : "RSTR";
  }
  if (os === EndpointState.Reset) {
    if (inactive(r)) return RSTOS0_HISTORY.test(s.history.toString()) ? "RSTOS0" : "OTH";
    return "RSTO";
  }
  if (rs === EndpointState.Closed && os === EndpointState.Closed) return "SF";
  if (os === EndpointState.Closed) return inactive(r) ? "SH" : "S2";
  if (rs === EndpointState.Closed) return inactive(o) ? "SHR" : "S3";
  if (os === EndpointState.SynSent && rs === EndpointState.Inactive) return "S0";
  if (os === EndpointState.Established && rs === EndpointState.Established) return "S1";
  return "OTH";
}
var ORIG_DATA = 1;
var RESP_DATA = 2;
var D = letter("D");
var d = letter("d");
var ZeekUdpSession = class {
  history = new ConnHistory();
  origActive = false;
  respActive = false;
  reset() {
    this.history.reset();
    this.origActive = this.respActive = false;
  }
  packet(fromSource) {
    if (fromSource) {
      this.origActive = true;
      this.history.check(ORIG_DATA, D);
    } else {
      this.respActive = true;
      this.history.check(RESP_DATA, d);
    }
  }
  /** SF when both sides sent, S0 when only the originator, SHR when only the responder. */
  connState() {
    if (this.origActive) return this.respActive ? "SF" : "S0";
    return this.respActive ? "SHR" : "OTH";
  }
};

// electron/flows/tcp-analysis-flags.ts
var TcpFlag = {
  /** tcp.analysis.retransmission (generic: the segment does not advance the sequence). */
  Retransmission: 1,
  /** tcp.analysis.lost_segment: "previous segment not captured". */
  LostSegment: 2,
  /** tcp.analysis.ack_lost_segment: "ACKed segment that wasn't captured". */
  AckedUnseen: 4,
  /** tcp.analysis.keep_alive */
  KeepAlive: 8,
  /** tcp.analysis.duplicate_ack */
  DuplicateAck: 16,
  /** tcp.analysis.zero_window */
  ZeroWindow: 32,
  /** tcp.analysis.zero_window_probe */
  ZeroWindowProbe: 64,
  /** tcp.analysis.zero_window_probe_ack */
  ZeroWindowProbeAck: 128,
  /** tcp.analysis.keep_alive_ack */
  KeepAliveAck: 256,
  /** tcp.analysis.out_of_order */
  OutOfOrder: 512,
  /** tcp.analysis.fast_retransmission (Wireshark also sets tcp.analysis.retransmission). */
  FastRetransmission: 1024,
  /** tcp.analysis.window_update */
  WindowUpdate: 2048,
  /** tcp.analysis.window_full */
  WindowFull: 4096,
  /** tcp.analysis.reused_ports: a SYN with a new initial sequence number restarted the conversation. */
  ReusedPorts: 8192,
  /** tcp.analysis.spurious_retransmission (Wireshark also sets tcp.analysis.retransmission). */
  SpuriousRetransmission: 16384
};
var ANY_RETRANSMISSION = TcpFlag.Retransmission | TcpFlag.FastRetransmission | TcpFlag.SpuriousRetransmission;

// electron/flows/tcp-direction-state.ts
var SCALE_UNKNOWN = -1;
var SCALE_NONE = -2;
var TcpDirectionState = class {
  baseSeqSet = false;
  /** Initial sequence number (relative sequence base); a SYN's seq, else seq - 1. */
  baseSeq = 0;
  /** Highest "next sequence number" seen, and when it was set. */
  nextSeq = 0;
  nextSeqSec = 0;
  nextSeqNsec = 0;
  /** Highest sequence reached without a hole: what the peer may acknowledge. */
  maxSeqToBeAcked = 0;
  /** ACK number of the last segment, and when it was seen. */
  lastAck = 0;
  lastAckSec = 0;
  lastAckNsec = 0;
  /** Raw window field of the last segment; Wireshark starts it at G_MAXUINT32. */
  window = 4294967295;
  /** Window-scale shift, or SCALE_UNKNOWN / SCALE_NONE. */
  winScale = SCALE_UNKNOWN;
  /** Set by a SYN, cleared by the first pure ACK: windows count unscaled until then (Wireshark issue 14690). */
  firstAckPending = false;
  /** Duplicate ACKs sent in a row; -1 right after an "ACKed unseen segment". */
  dupAcks = 0;
  /** Analysis flags of this direction's last segment. */
  lastSegmentFlags = 0;
  reset() {
    this.baseSeqSet = false;
    this.baseSeq = 0;
    this.nextSeq = this.nextSeqSec = this.nextSeqNsec = 0;
    this.maxSeqToBeAcked = 0;
    this.lastAck = this.lastAckSec = this.lastAckNsec = 0;
    this.window = 4294967295;
    this.winScale = SCALE_UNKNOWN;
    this.firstAckPending = false;
    this.dupAcks = 0;
    this.lastSegmentFlags = 0;
  }
};

// electron/flows/tcp-seq.ts
function seqLt(a, b) {
  return (a - b | 0) < 0;
}
function seqGt(a, b) {
  return (b - a | 0) < 0;
}
function seqLe(a, b) {
  return (b - a | 0) >= 0;
}
function seqAdd(a, b) {
  return a + b >>> 0;
}
function nsBetween(sec0, nsec0, sec, nsec) {
  return (sec - sec0) * 1e9 + (nsec - nsec0);
}
function u64Less(a, b) {
  return a < 0 === b < 0 ? a < b : a >= 0;
}

// electron/flows/tcp-analysis.ts
var SYN_FIN_RST = TCP_SYN | TCP_FIN | TCP_RST;
var FAST_RETRANSMISSION_NS = 2e7;
var DEFAULT_OOO_NS = 3e6;
var MAX_WINDOW_SHIFT = 14;
var TcpSegment = class {
  seq = 0;
  ack = 0;
  /** Payload length from the IP header's length (Wireshark's tcp.len), not the captured bytes. */
  len = 0;
  flags = 0;
  /** The raw 16-bit window field. */
  window = 0;
  /** Window-scale option shift, -1 when the segment has none. */
  windowScale = -1;
  sec = 0;
  nsec = 0;
};
var TcpAnalyzer = class {
  /** State of the segments sent by the flow's source, and by its destination. */
  src = new TcpDirectionState();
  dst = new TcpDirectionState();
  /** Handshake RTT (last SYN to first pure ACK) in ns; 0 means unknown, as Wireshark's zero nstime. */
  firstRttNs = 0;
  /** Time of the most recent SYN (without ACK); 0/0 means none, as Wireshark's zero nstime. */
  mruSynSec = 0;
  mruSynNsec = 0;
  reset() {
    this.src.reset();
    this.dst.reset();
    this.firstRttNs = 0;
    this.mruSynSec = this.mruSynNsec = 0;
  }
  /** Analyzes a segment sent by the flow's source (`fromSource`) or destination; returns TcpFlag bits. */
  analyze(s, fromSource) {
    const fwd = fromSource ? this.src : this.dst;
    const rev = fromSource ? this.dst : this.src;
    let ta = this.checkPortReuse(s, fwd);
    ta = this.analyzeSequence(s, fwd, rev, ta);
    this.afterOptions(s, fwd, rev);
    return ta;
  }
  /**
   * dissect_tcp() before the analysis: a SYN whose sequence number differs from
   * the one this direction started with opens a new conversation ("TCP Port
   * numbers reused"), with fresh analysis state; a SYN repeating it is left
   * for the retransmission checks.
   */
  checkPortReuse(s, fwd) {
    const synAck = s.flags & (TCP_SYN | TCP_ACK);
    if (!fwd.baseSeqSet) return 0;
    if (synAck === TCP_SYN) {
      if (s.seq !== fwd.baseSeq) {
        this.reset();
        return TcpFlag.ReusedPorts;
      }
      return 0;
    }
    if (synAck === (TCP_SYN | TCP_ACK) && s.seq !== fwd.baseSeq) {
      fwd.baseSeq = s.seq;
      return TcpFlag.ReusedPorts;
    }
    return 0;
  }
  /** tcp_analyze_sequence_number(), in Wireshark's order of checks. */
  analyzeSequence(s, fwd, rev, ta) {
    const { seq, ack, len, flags, window } = s;
    if (!fwd.baseSeqSet) {
      fwd.baseSeq = flags & TCP_SYN ? seq : seq - 1 >>> 0;
      fwd.baseSeqSet = true;
    }
    if (!rev.baseSeqSet && flags & TCP_ACK) {
      rev.baseSeq = ack - 1 >>> 0;
      rev.baseSeqSet = true;
    }
    ta = this.classifyAck(s, fwd, rev, ta);
    if (ack !== fwd.lastAck) fwd.dupAcks = 0;
    ta = this.checkAckedUnseen(ack, flags, rev, ta);
    if (len > 0 || flags & (TCP_SYN | TCP_FIN)) ta = this.classifyRetransmission(s, fwd, rev, ta);
    this.advance(s, fwd, ta);
    fwd.window = window;
    fwd.lastAck = ack;
    fwd.lastAckSec = s.sec;
    fwd.lastAckNsec = s.nsec;
    fwd.lastSegmentFlags = ta;
    return ta;
  }
  /**
   * Zero-window probe, zero window, lost segment, keep-alive, window update,
   * window full, keep-alive ACK, zero-window-probe ACK and duplicate ACK. A
   * zero-window probe and the two kinds of ACK to probes end the list early.
   */
  classifyAck(s, fwd, rev, ta) {
    const { seq, ack, len, flags, window } = s;
    const noSynFinRst = (flags & SYN_FIN_RST) === 0;
    if (len === 1 && seq === fwd.nextSeq && rev.window === 0) return ta | TcpFlag.ZeroWindowProbe;
    if (window === 0 && noSynFinRst) ta |= TcpFlag.ZeroWindow;
    if (fwd.nextSeq !== 0 && seqGt(seq, fwd.nextSeq) && (flags & TCP_RST) === 0) ta |= TcpFlag.LostSegment;
    if ((len === 0 || len === 1) && seq === fwd.nextSeq - 1 >>> 0 && noSynFinRst) ta |= TcpFlag.KeepAlive;
    const sameSeqAck = seq === fwd.nextSeq && ack === fwd.lastAck && noSynFinRst;
    if (len === 0 && window !== 0 && window !== fwd.window && sameSeqAck) ta |= TcpFlag.WindowUpdate;
    if (len > 0 && rev.winScale !== SCALE_UNKNOWN && noSynFinRst) {
      const shift = rev.firstAckPending || rev.winScale === SCALE_NONE ? 0 : rev.winScale;
      const edge = seqAdd(rev.lastAck, rev.window * 2 ** shift);
      if (seqAdd(seq, len) === edge) ta |= TcpFlag.WindowFull;
    }
    const repeatsAck = len === 0 && window === fwd.window && sameSeqAck;
    if (repeatsAck && window !== 0 && rev.lastSegmentFlags & TcpFlag.KeepAlive) return ta | TcpFlag.KeepAliveAck;
    if (repeatsAck && window === 0 && rev.lastSegmentFlags & TcpFlag.ZeroWindowProbe) return ta | TcpFlag.ZeroWindowProbeAck;
    if (repeatsAck && window !== 0) {
      fwd.dupAcks = fwd.dupAcks === -1 ? 1 : fwd.dupAcks + 1;
      ta |= TcpFlag.DuplicateAck;
    }
    return ta;
  }
  /**
   * ACKed unseen segment: the ACK goes beyond everything the peer sent without a
   * hole, so the peer sent data that was not captured. The bound then moves up
   * so that the same gap is reported once.
   */
  checkAckedUnseen(ack, flags, rev, ta) {
    if (rev.maxSeqToBeAcked === 0 || !seqGt(ack, rev.maxSeqToBeAcked) || (flags & TCP_ACK) === 0) return ta;
    if (seqLt(rev.maxSeqToBeAcked, rev.nextSeq)) {
      rev.maxSeqToBeAcked = rev.nextSeq;
      return ta | TcpFlag.AckedUnseen;
    }
    if (rev.dupAcks === 0) ta |= TcpFlag.AckedUnseen;
    rev.dupAcks = -1;
    return ta;
  }
  /**
   * A segment with data, SYN or FIN that does not advance the sequence is a
   * spurious, fast or plain retransmission, or out of order. Keep-alives are
   * none of these.
   */
  classifyRetransmission(s, fwd, rev, ta) {
    const { seq, len, flags } = s;
    if (ta & TcpFlag.KeepAlive) return ta;
    let notAdvanced = fwd.nextSeq !== 0 && seqLt(seq, fwd.nextSeq);
    if (len > 1 && fwd.nextSeq - 1 >>> 0 === seq) notAdvanced = false;
    if (len > 0 && rev.lastAck !== 0 && seqLe(seqAdd(seq, len), rev.lastAck)) return ta | TcpFlag.SpuriousRetransmission;
    const sinceAck = nsBetween(rev.lastAckSec, rev.lastAckNsec, s.sec, s.nsec);
    if (notAdvanced && rev.dupAcks >>> 0 >= 2 && rev.lastAck === seq && u64Less(sinceAck, FAST_RETRANSMISSION_NS)) {
      return ta | TcpFlag.FastRetransmission;
    }
    const sinceNext = nsBetween(fwd.nextSeqSec, fwd.nextSeqNsec, s.sec, s.nsec);
    const threshold = this.firstRttNs === 0 ? DEFAULT_OOO_NS : this.firstRttNs;
    const end = seqAdd(seq, len + (flags & (TCP_SYN | TCP_FIN) ? 1 : 0));
    if (notAdvanced && u64Less(sinceNext, threshold) && fwd.nextSeq !== end) return ta | TcpFlag.OutOfOrder;
    return notAdvanced ? ta | TcpFlag.Retransmission : ta;
  }
  /**
   * Moves nextseq and the in-order bound forward; zero-window probes do not
   * advance them. Wireshark counts the SYN/FIN sequence number only while it
   * holds fewer than 10,000 unacknowledged segments (TCP_MAX_UNACKED_SEGMENTS);
   * that list is not modelled, so a SYN or FIN after 10,000 unacknowledged
   * segments in one direction is the one case that can come out differently.
   */
  advance(s, fwd, ta) {
    if (ta & TcpFlag.ZeroWindowProbe) return;
    const next = seqAdd(s.seq, s.len + (s.flags & (TCP_SYN | TCP_FIN) ? 1 : 0));
    if (seqGt(next, fwd.nextSeq) || fwd.nextSeq === 0) {
      fwd.nextSeq = next;
      fwd.nextSeqSec = s.sec;
      fwd.nextSeqNsec = s.nsec;
    }
    if (s.seq === fwd.maxSeqToBeAcked || fwd.maxSeqToBeAcked === 0) fwd.maxSeqToBeAcked = fwd.nextSeq;
  }
  /**
   * dissect_tcp() after the analysis: the handshake RTT, the window-scale
   * option (parsed after the analysis ran) and its validation on SYNs.
   */
  afterOptions(s, fwd, rev) {
    const synAck = s.flags & (TCP_SYN | TCP_ACK);
    if (s.flags & TCP_SYN) {
      if (synAck === TCP_SYN) {
        this.mruSynSec = s.sec;
        this.mruSynNsec = s.nsec;
      }
      fwd.firstAckPending = true;
    }
    if (synAck === TCP_ACK) {
      if ((this.mruSynSec !== 0 || this.mruSynNsec !== 0) && this.firstRttNs === 0) {
        this.firstRttNs = nsBetween(this.mruSynSec, this.mruSynNsec, s.sec, s.nsec);
      }
      fwd.firstAckPending = false;
    }
    if (s.windowScale >= 0) fwd.winScale = Math.min(s.windowScale, MAX_WINDOW_SHIFT);
    if (s.flags & TCP_SYN) {
      if (fwd.winScale === SCALE_UNKNOWN) {
        fwd.winScale = SCALE_NONE;
        rev.winScale = SCALE_NONE;
      } else if (synAck === (TCP_SYN | TCP_ACK) && rev.winScale === SCALE_NONE) {
        fwd.winScale = SCALE_NONE;
      }
    }
  }
};

// electron/flows/tcp-segment-of.ts
function tcpSegmentOf(p, rec, s) {
  if (p.proto !== IPPROTO_TCP || !p.hasPorts || p.icmpError) return false;
  if (p.fragOffset !== 0 || p.moreFragments) return false;
  const wireIpLength = rec.wirelen - (p.ipOffset - rec.offset);
  const ipLength = p.ipTotalLength < wireIpLength ? p.ipTotalLength : wireIpLength;
  const len = p.ipOffset + ipLength - p.l4Offset - p.tcpHeaderLength;
  if (len < 0) return false;
  s.seq = p.tcpSeq;
  s.ack = p.tcpAck;
  s.len = len;
  s.flags = p.tcpFlags;
  s.window = p.tcpWindow;
  s.windowScale = p.tcpWindowScale;
  s.sec = rec.tsSec;
  s.nsec = rec.tsNsec;
  return true;
}

// electron/flows/zeek-tcp-session.ts
var TOO_LARGE_SEQ_DELTA = 1048576;
var S = letter("S");
var H = letter("H");
var A = letter("A");
var D2 = letter("D");
var F = letter("F");
var R = letter("R");
var I = letter("I");
var Q = letter("Q");
var T = letter("T");
var W = letter("W");
var FLIP = letter("^");
function seqDelta(a, b) {
  return a - b | 0;
}
var ZeekTcpSession = class {
  /** The endpoints of the flow's source and destination (their roles may flip). */
  source = new ZeekTcpEndpoint();
  destination = new ZeekTcpEndpoint();
  history = new ConnHistory();
  reset() {
    this.source.reset(true);
    this.destination.reset(false);
    this.history.reset();
  }
  get orig() {
    return this.source.isOrig ? this.source : this.destination;
  }
  get resp() {
    return this.source.isOrig ? this.destination : this.source;
  }
  /** One TCP packet (Process); the segment's `len` is the payload length per the IP header. */
  packet(fromSource, s) {
    const seq = s.seq | 0;
    const ack = s.ack | 0;
    const { len, flags, window } = s;
    const ep = fromSource ? this.source : this.destination;
    const peer = fromSource ? this.destination : this.source;
    const isOrig = ep.isOrig;
    let segLen = len + (flags & TCP_SYN ? 1 : 0) + (flags & TCP_FIN ? 1 : 0);
    if (flags & TCP_RST) segLen -= len;
    const onePast = seq + segLen | 0;
    this.initEndpoint(ep, flags, seq, onePast);
    this.updateHistory(ep, flags, seq, len);
    if (window === 0 && (flags & TCP_RST) === 0 && peer.state !== EndpointState.Closed && ep.state !== EndpointState.Reset) ep.zeroWindow(this.history, W);
    if (flags & TCP_FIN) ep.finCount++;
    if (flags & TCP_ACK) this.ackReceived(peer, ack, flags);
    this.updateLastSeq(ep, onePast, flags, len);
    this.updateStateMachine(ep, peer, seq, len, isOrig, flags);
  }
  /** init_endpoint(): sequence numbers from the first packet, or from a new SYN. */
  initEndpoint(ep, flags, seq, onePast) {
    const syn = (flags & TCP_SYN) !== 0;
    switch (ep.state) {
      case EndpointState.Inactive:
        if (syn) ep.initSeqs(seq, onePast);
        else ep.initSeqs(seq - 1 | 0, seq);
        break;
      case EndpointState.SynSent:
      case EndpointState.SynAckSent:
        if (syn && seq !== ep.startSeq) ep.initSeqs(seq, onePast);
        break;
      case EndpointState.Established:
      case EndpointState.Partial:
        if (syn) ep.initSeqs(seq, onePast);
        break;
      case EndpointState.Reset:
        if (syn && ep.prevState === EndpointState.Inactive) ep.initSeqs(seq, onePast);
        break;
    }
  }
  /** get_relative_seq()'s wrap count for `cur`: one less or more when it sits across a wrap from `last`. */
  wrapsAt(cur, last, wraps) {
    const delta = seqDelta(cur, last);
    if (delta < 0 && wraps && cur >>> 0 > last >>> 0) return wraps - 1;
    if (delta > 0 && cur >>> 0 < last >>> 0) return wraps + 1;
    return wraps;
  }
  /** get_relative_seq(): the sequence relative to the endpoint's start; negative on underflow. */
  relativeSeq(ep, cur) {
    const wraps = this.wrapsAt(cur, ep.lastSeq, ep.seqWraps);
    if (wraps === 0) return seqDelta(cur, ep.startSeq);
    return wraps * 2 ** 32 + (cur >>> 0) - (ep.startSeq >>> 0);
  }
  /**
   * update_history(): S/H/F/R are recorded again only when their sequence
   * number differs from the last one of the same kind; A and D once per side;
   * I (FIN+RST) and Q (SYN with FIN or RST) once.
   */
  updateHistory(ep, flags, seq, len) {
    const h = this.history;
    const bits = (flags & TCP_SYN ? 1 : 0) + (flags & TCP_FIN ? 1 : 0) + (flags & TCP_RST ? 1 : 0);
    if (bits > 1) {
      if (flags & TCP_FIN && flags & TCP_RST) ep.checkHistory(h, Hist.FinRst, I);
      else ep.checkHistory(h, Hist.MultiFlag, Q);
    } else if (bits === 1) {
      const relSeq = this.relativeSeq(ep, seq);
      if (flags & TCP_SYN) {
        const code = flags & TCP_ACK ? H : S;
        if (ep.checkHistory(h, Hist.Syn, code) && relSeq !== ep.histLastSyn) ep.addHistory(h, code);
        ep.histLastSyn = relSeq;
      }
      if (flags & TCP_FIN) {
        if (ep.checkHistory(h, Hist.Fin, F) && relSeq + len !== ep.histLastFin) ep.addHistory(h, F);
        ep.histLastFin = relSeq + len;
      }
      if (flags & TCP_RST) {
        if (ep.checkHistory(h, Hist.Rst, R) && relSeq !== ep.histLastRst) ep.addHistory(h, R);
        ep.histLastRst = relSeq;
      }
    } else if (len > 0) {
      ep.checkHistory(h, Hist.Data, D2);
    } else if (flags & TCP_ACK) {
      ep.checkHistory(h, Hist.Ack, A);
    }
  }
  /** The ACK: starts the peer's numbering if it was silent, else advances its acknowledged sequence. */
  ackReceived(peer, ack, flags) {
    if (peer.state === EndpointState.Inactive) {
      peer.initSeqs(ack - 1 | 0, ack - 1 | 0);
      return;
    }
    if (flags & TCP_RST) return;
    if (this.wrapsAt(ack, peer.ackSeq, peer.ackWraps) === 0 && seqDelta(ack, peer.startSeq) < 0) return;
    const delta = seqDelta(ack, peer.ackSeq);
    if (ack === 0 && delta > TOO_LARGE_SEQ_DELTA) return;
    if (delta > 0) peer.updateAckSeq(ack);
  }
  /** update_last_seq(): a segment with data that does not advance the sequence is a retransmission ('T'). */
  updateLastSeq(ep, onePast, flags, len) {
    const deltaLast = seqDelta(onePast, ep.lastSeq);
    if (flags & (TCP_SYN | TCP_RST) && (deltaLast > TOO_LARGE_SEQ_DELTA || deltaLast < -TOO_LARGE_SEQ_DELTA)) return;
    if (flags & TCP_FIN && ep.lastSeq === (ep.startSeq + 1 | 0)) ep.updateLastSeq(onePast);
    else if (ep.state === EndpointState.Reset) return;
    else if (deltaLast > 0) ep.updateLastSeq(onePast);
    else if (len > 0) ep.didRetransmit(this.history, T);
  }
  updateStateMachine(ep, peer, seq, len, isOrig, flags) {
    switch (ep.state) {
      case EndpointState.Inactive:
        this.inactive(ep, peer, seq, len, isOrig, flags);
        break;
      case EndpointState.SynSent:
      case EndpointState.SynAckSent:
        if (flags & TCP_FIN) ep.setState(EndpointState.Closed);
        if (flags & TCP_RST) ep.setState(EndpointState.Reset);
        break;
      case EndpointState.Established:
      case EndpointState.Partial:
        this.established(ep, peer, flags);
        break;
      case EndpointState.Closed:
        if (flags & TCP_RST && peer.state !== EndpointState.Closed) ep.setState(EndpointState.Reset);
        break;
      case EndpointState.Reset:
        break;
    }
  }
  /** UpdateInactiveState(): the first packet from this side. */
  inactive(ep, peer, seq, len, isOrig, flags) {
    if (flags & TCP_SYN) {
      if (isOrig) {
        ep.setState(flags & TCP_ACK ? EndpointState.SynAckSent : EndpointState.SynSent);
      } else {
        if ((flags & TCP_ACK) === 0 && peer.state === EndpointState.SynAckSent && seq === ep.startSeq) {
          this.flipRoles();
          peer.setState(EndpointState.Established);
        }
        if (peer.state === EndpointState.SynSent) peer.setState(EndpointState.Established);
        ep.setState(EndpointState.Established);
      }
    }
    if (flags & TCP_FIN) ep.setState(EndpointState.Closed);
    if (flags & TCP_RST) ep.setState(EndpointState.Reset);
    if (ep.state !== EndpointState.Inactive) return;
    if (!isOrig && len === 0 && this.orig.state === EndpointState.SynSent) return;
    if (flags & TCP_ACK && peer.state === EndpointState.Established) ep.setState(EndpointState.Established);
    else ep.setState(EndpointState.Partial);
  }
  /** UpdateEstablishedState(). */
  established(ep, peer, flags) {
    if (flags & TCP_SYN && ep.state === EndpointState.Partial && peer.state === EndpointState.Inactive && (flags & TCP_ACK) === 0) ep.setState(EndpointState.SynSent);
    if (flags & TCP_FIN && (flags & TCP_RST) === 0) {
      ep.setState(EndpointState.Closed);
      if (peer.state === EndpointState.Reset && peer.prevState === EndpointState.Closed) peer.setState(EndpointState.Closed);
    }
    if (flags & TCP_RST) ep.setState(EndpointState.Reset);
  }
  /**
   * The engine made the flow's source the receiver of its first packet (a
   * SYN-ACK seen before any SYN): the roles are already right, and the history
   * notes the flip as Zeek's does for the same packet.
   */
  noteSourceFlipped() {
    this.history.add(FLIP);
  }
  /** Connection::FlipRoles(): the endpoints swap roles and the history notes it. */
  flipRoles() {
    this.source.isOrig = !this.source.isOrig;
    this.destination.isOrig = !this.destination.isOrig;
    this.history.add(FLIP);
  }
};

// electron/flows/features/conn-state.ts
var CONN_STATE = columnOf("conn_state");
var HISTORY = columnOf("history");
var segment = new TcpSegment();
var connState = {
  name: "conn-state",
  create: () => ({ tcp: new ZeekTcpSession(), udp: new ZeekUdpSession(), first: true }),
  init(s) {
    s.tcp.reset();
    s.udp.reset();
    s.first = true;
  },
  update(s, f, p, rec, _ts, fwd) {
    if (f.proto === IPPROTO_UDP) {
      if (p.hasPorts) s.udp.packet(fwd);
      return;
    }
    if (f.proto !== IPPROTO_TCP) return;
    if (s.first) {
      s.first = false;
      if (!fwd) s.tcp.noteSourceFlipped();
    }
    if (!tcpSegmentOf(p, rec, segment) || p.tcpHeaderLength < 20) return;
    if (p.l4Offset + p.tcpHeaderLength > rec.offset + rec.caplen) return;
    s.tcp.packet(fwd, segment);
  },
  emit(s, f, row) {
    if (f.proto === IPPROTO_TCP) {
      row[CONN_STATE] = tcpConnState(s.tcp);
      row[HISTORY] = s.tcp.history.empty ? null : s.tcp.history.toString();
    } else if (f.proto === IPPROTO_UDP) {
      row[CONN_STATE] = s.udp.connState();
      row[HISTORY] = s.udp.history.empty ? null : s.udp.history.toString();
    } else {
      row[CONN_STATE] = "OTH";
      row[HISTORY] = null;
    }
  }
};

// electron/flows/features/direction-stats.ts
var Side = class {
  frame = new RunningStats();
  payload = new RunningStats();
  iat = new RunningStats();
  lastTs = -1;
  psh = 0;
  urg = 0;
  headerBytes = 0;
  initWin = -1;
  dataPackets = 0;
  minHeader = -1;
  reset() {
    this.frame.reset();
    this.payload.reset();
    this.iat.reset();
    this.lastTs = -1;
    this.psh = this.urg = this.headerBytes = this.dataPackets = 0;
    this.initWin = this.minHeader = -1;
  }
};
var FLAG_BITS = [TCP_FIN, TCP_SYN, TCP_RST, TCP_PSH, TCP_ACK, TCP_URG, TCP_CWR, TCP_ECE];
var FLAG_COLUMNS = ["fin_count", "syn_count", "rst_count", "psh_count", "ack_count", "urg_count", "cwr_count", "ece_count"];
function sideColumns(d2) {
  return {
    lenMin: columnOf(`${d2}_len_min`),
    lenMax: columnOf(`${d2}_len_max`),
    lenMean: columnOf(`${d2}_len_mean`),
    lenStd: columnOf(`${d2}_len_std`),
    iatMin: columnOf(`${d2}_iat_min`),
    iatMax: columnOf(`${d2}_iat_max`),
    iatMean: columnOf(`${d2}_iat_mean`),
    iatStd: columnOf(`${d2}_iat_std`),
    iatTotal: columnOf(`${d2}_iat_total`),
    payBytes: columnOf(`${d2}_payload_bytes`),
    payMin: columnOf(`${d2}_payload_min`),
    payMax: columnOf(`${d2}_payload_max`),
    payMean: columnOf(`${d2}_payload_mean`),
    payStd: columnOf(`${d2}_payload_std`),
    psh: columnOf(`${d2}_psh_flags`),
    urg: columnOf(`${d2}_urg_flags`),
    header: columnOf(`${d2}_header_bytes`),
    pps: columnOf(`${d2}_packets_per_s`),
    segAvg: columnOf(`${d2}_seg_size_avg`),
    initWin: columnOf(d2 === "fwd" ? "init_win_fwd" : "init_win_bwd")
  };
}
var FWD = sideColumns("fwd");
var BWD = sideColumns("bwd");
var COL = {
  flowIatMean: columnOf("flow_iat_mean"),
  flowIatStd: columnOf("flow_iat_std"),
  flowIatMax: columnOf("flow_iat_max"),
  flowIatMin: columnOf("flow_iat_min"),
  bytesPerS: columnOf("flow_bytes_per_s"),
  packetsPerS: columnOf("flow_packets_per_s"),
  payMin: columnOf("payload_min"),
  payMax: columnOf("payload_max"),
  payMean: columnOf("payload_mean"),
  payStd: columnOf("payload_std"),
  payVar: columnOf("payload_var"),
  downUp: columnOf("down_up_ratio"),
  avgSize: columnOf("avg_packet_size"),
  actData: columnOf("fwd_act_data_packets"),
  minSeg: columnOf("fwd_seg_size_min"),
  flags: FLAG_COLUMNS.map((c) => columnOf(c))
};
function transportHeader(p) {
  if (!p.hasPorts || p.icmpError) return 0;
  return p.proto === IPPROTO_TCP ? p.tcpHeaderLength : 8;
}
function emitSide(row, c, s, duration) {
  const has = s.frame.n > 0;
  row[c.lenMin] = has ? s.frame.min : null;
  row[c.lenMax] = has ? s.frame.max : null;
  row[c.lenMean] = has ? s.frame.mean : null;
  row[c.lenStd] = has ? s.frame.std : null;
  const hasIat = s.iat.n > 0;
  row[c.iatMin] = hasIat ? s.iat.min : null;
  row[c.iatMax] = hasIat ? s.iat.max : null;
  row[c.iatMean] = hasIat ? s.iat.mean : null;
  row[c.iatStd] = hasIat ? s.iat.std : null;
  row[c.iatTotal] = s.iat.sum;
  row[c.payBytes] = s.payload.sum;
  row[c.payMin] = has ? s.payload.min : null;
  row[c.payMax] = has ? s.payload.max : null;
  row[c.payMean] = has ? s.payload.mean : null;
  row[c.payStd] = has ? s.payload.std : null;
  row[c.segAvg] = has ? s.payload.mean : null;
  row[c.psh] = s.psh;
  row[c.urg] = s.urg;
  row[c.header] = s.headerBytes;
  row[c.pps] = duration > 0 ? s.frame.n / duration : null;
  row[c.initWin] = s.initWin;
}
var directionStats = {
  name: "direction-stats",
  create: () => ({ fwd: new Side(), bwd: new Side(), flowIat: new RunningStats(), payload: new RunningStats(), lastTs: -1, flags: new Int32Array(8) }),
  init(s) {
    s.fwd.reset();
    s.bwd.reset();
    s.flowIat.reset();
    s.payload.reset();
    s.lastTs = -1;
    s.flags.fill(0);
  },
  update(s, _f, p, rec, ts, fwd) {
    const side = fwd ? s.fwd : s.bwd;
    const payload = p.icmpError ? 0 : p.payloadWireLength > 0 ? p.payloadWireLength : p.payloadLength;
    side.frame.add(rec.wirelen);
    side.payload.add(payload);
    s.payload.add(payload);
    if (side.lastTs >= 0) side.iat.add(ts - side.lastTs);
    side.lastTs = ts;
    if (s.lastTs >= 0) s.flowIat.add(ts - s.lastTs);
    s.lastTs = ts;
    const header = transportHeader(p);
    side.headerBytes += header;
    if (payload > 0) side.dataPackets++;
    if (side.minHeader < 0 || header < side.minHeader) side.minHeader = header;
    if (p.proto === IPPROTO_TCP && !p.icmpError) {
      const flags = p.tcpFlags;
      if (side.initWin < 0) side.initWin = p.tcpWindow;
      if (flags & TCP_PSH) side.psh++;
      if (flags & TCP_URG) side.urg++;
      for (let i = 0; i < 8; i++) if (flags & FLAG_BITS[i]) s.flags[i]++;
    }
  },
  emit(s, f, row) {
    const duration = f.lastTs - f.firstTs;
    emitSide(row, FWD, s.fwd, duration);
    emitSide(row, BWD, s.bwd, duration);
    const hasIat = s.flowIat.n > 0;
    row[COL.flowIatMean] = hasIat ? s.flowIat.mean : null;
    row[COL.flowIatStd] = hasIat ? s.flowIat.std : null;
    row[COL.flowIatMax] = hasIat ? s.flowIat.max : null;
    row[COL.flowIatMin] = hasIat ? s.flowIat.min : null;
    row[COL.bytesPerS] = duration > 0 ? s.payload.sum / duration : null;
    row[COL.packetsPerS] = duration > 0 ? s.payload.n / duration : null;
    row[COL.payMin] = s.payload.min;
    row[COL.payMax] = s.payload.max;
    row[COL.payMean] = s.payload.mean;
    row[COL.payStd] = s.payload.std;
    row[COL.payVar] = s.payload.variance;
    row[COL.downUp] = s.fwd.frame.n > 0 ? s.bwd.frame.n / s.fwd.frame.n : null;
    row[COL.avgSize] = s.payload.n > 0 ? s.payload.sum / s.payload.n : null;
    row[COL.actData] = s.fwd.dataPackets;
    row[COL.minSeg] = s.fwd.minHeader < 0 ? null : s.fwd.minHeader;
    const isTcp = f.proto === IPPROTO_TCP;
    for (let i = 0; i < 8; i++) row[COL.flags[i]] = isTcp ? s.flags[i] : null;
  }
};

// electron/flows/features/endpoint-names.ts
var SRC_IP = columnOf("src_ip");
var DST_IP = columnOf("dst_ip");
var SRC_NAME = columnOf("src_name");
var DST_NAME = columnOf("dst_name");
function endpointNames(names2) {
  return {
    name: "endpoint-names",
    create: () => null,
    init() {
    },
    emit(_s, _f, row) {
      row[SRC_NAME] = names2.get(row[SRC_IP]);
      row[DST_NAME] = names2.get(row[DST_IP]);
    }
  };
}

// electron/flows/features/link-endpoints.ts
var SRC_MAC = columnOf("src_mac");
var DST_MAC = columnOf("dst_mac");
var TUNNEL = columnOf("tunnel");
var HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));
function mac2(d2, o) {
  return `${HEX[d2[o]]}:${HEX[d2[o + 1]]}:${HEX[d2[o + 2]]}:${HEX[d2[o + 3]]}:${HEX[d2[o + 4]]}:${HEX[d2[o + 5]]}`;
}
var linkEndpoints = {
  name: "link-endpoints",
  create: () => ({ srcMac: null, dstMac: null, tunnel: "", done: false }),
  init(s, _f, p) {
    s.srcMac = s.dstMac = null;
    s.tunnel = p.tunnel;
    s.done = false;
  },
  update(s, _f, p, rec, _ts, fwd) {
    if (s.done || !fwd) return;
    s.done = true;
    if (p.macOffset < 0) return;
    s.dstMac = mac2(rec.data, p.macOffset);
    s.srcMac = mac2(rec.data, p.macOffset + 6);
  },
  emit(s, _f, row) {
    row[SRC_MAC] = s.srcMac;
    row[DST_MAC] = s.dstMac;
    row[TUNNEL] = s.tunnel;
  }
};

// electron/flows/features/packet-sequence.ts
var SIZES = columnOf("first_sizes");
var IATS = columnOf("first_iats");
function packetSequence(n) {
  return {
    name: "packet-sequence",
    create: () => ({ sizes: new Int32Array(n), iats: new Int32Array(n), n: 0, lastTs: 0 }),
    init(s, _f, _p, _rec, ts) {
      s.n = 0;
      s.lastTs = ts;
    },
    update(s, _f, _p, rec, ts, fwd) {
      if (s.n >= n) return;
      s.sizes[s.n] = fwd ? rec.wirelen : -rec.wirelen;
      s.iats[s.n] = Math.round((ts - s.lastTs) * 1e6);
      s.lastTs = ts;
      s.n++;
    },
    emit(s, _f, row) {
      let sizes = "";
      let iats = "";
      for (let i = 0; i < s.n; i++) {
        sizes += i ? `,${s.sizes[i]}` : `${s.sizes[i]}`;
        iats += i ? `,${s.iats[i]}` : `${s.iats[i]}`;
      }
      row[SIZES] = sizes;
      row[IATS] = iats;
    }
  };
}

// electron/flows/features/tcp-analysis.ts
var COUNTERS = [
  ["retransmissions", ANY_RETRANSMISSION],
  ["fast_retransmissions", TcpFlag.FastRetransmission],
  ["spurious_retransmissions", TcpFlag.SpuriousRetransmission],
  ["out_of_order", TcpFlag.OutOfOrder],
  ["dup_acks", TcpFlag.DuplicateAck],
  ["zero_windows", TcpFlag.ZeroWindow],
  ["window_full", TcpFlag.WindowFull],
  ["keep_alives", TcpFlag.KeepAlive],
  ["lost_segments", TcpFlag.LostSegment]
];
var RESETS = COUNTERS.length;
var N = COUNTERS.length + 1;
var NAMES = [...COUNTERS.map(([name]) => name), "resets"];
var TOTAL_COL = NAMES.map((n) => columnOf(n));
var FWD_COL = NAMES.map((n) => columnOf(`fwd_${n}`));
var BWD_COL = NAMES.map((n) => columnOf(`bwd_${n}`));
var segment2 = new TcpSegment();
function createTcpAnalysisFeature(tap) {
  return {
    name: "tcp-analysis",
    create: () => ({ analyzer: new TcpAnalyzer(), counts: new Uint32Array(2 * N) }),
    init(s) {
      s.analyzer.reset();
      s.counts.fill(0);
    },
    update(s, _f, p, rec, _ts, fwd) {
      if (p.proto !== IPPROTO_TCP || !p.hasPorts) return;
      const base2 = fwd ? 0 : N;
      if (p.tcpFlags & TCP_RST) s.counts[base2 + RESETS]++;
      if (!tcpSegmentOf(p, rec, segment2)) return;
      const flags = s.analyzer.analyze(segment2, fwd);
      if (tap) tap(rec.index, flags);
      if (flags === 0) return;
      for (let i = 0; i < COUNTERS.length; i++) if (flags & COUNTERS[i][1]) s.counts[base2 + i]++;
    },
    emit(s, f, row) {
      const tcp = f.proto === IPPROTO_TCP;
      for (let i = 0; i < N; i++) {
        row[TOTAL_COL[i]] = tcp ? s.counts[i] + s.counts[N + i] : null;
        row[FWD_COL[i]] = tcp ? s.counts[i] : null;
        row[BWD_COL[i]] = tcp ? s.counts[N + i] : null;
      }
    }
  };
}
var tcpAnalysis = createTcpAnalysisFeature();

// electron/flows/features/index.ts
var defaultFeatureOptions = { sequenceLength: 20 };
var signatures = null;
function defaultSignatures() {
  signatures ??= AppSignatures.load();
  return signatures;
}
function defaultFeatures(ctx, opts = defaultFeatureOptions) {
  return [
    linkEndpoints,
    tcpAnalysis,
    connState,
    directionStats,
    activity,
    packetSequence(opts.sequenceLength),
    appMetadata({ onDnsAnswer: (address, name, ts) => ctx.names.add(address, name, "dns", ts) }),
    endpointNames(ctx.names),
    appIdentity(ctx.signatures)
  ];
}

// electron/flows/name-map.ts
var MAX_NAMES2 = 2e5;
var NameMap = class {
  map = /* @__PURE__ */ new Map();
  fresh = [];
  add(address, name, source, ts) {
    const known = this.map.get(address);
    if (known === name) return;
    if (known !== void 0) this.map.delete(address);
    else if (this.map.size >= MAX_NAMES2) {
      const oldest = this.map.keys().next().value;
      if (oldest !== void 0) this.map.delete(oldest);
    }
    this.map.set(address, name);
    this.fresh.push({ address, name, source, ts });
  }
  get(address) {
    return this.map.get(address) ?? null;
  }
  /** Names learnt since the last call, for storage. */
  takeFresh() {
    const out = this.fresh;
    this.fresh = [];
    return out;
  }
};

// electron/flows/flow-key.ts
function srcIsLowEndpoint(p) {
  if (p.src0 !== p.dst0) return p.src0 >>> 0 < p.dst0 >>> 0;
  if (p.src1 !== p.dst1) return p.src1 >>> 0 < p.dst1 >>> 0;
  if (p.src2 !== p.dst2) return p.src2 >>> 0 < p.dst2 >>> 0;
  if (p.src3 !== p.dst3) return p.src3 >>> 0 < p.dst3 >>> 0;
  return p.srcPort <= p.dstPort;
}
function mix(h, v) {
  h = Math.imul(h ^ v, 2654435761);
  return h << 13 | h >>> 19;
}
function flowHash(p) {
  let h = mix(74565, p.proto | p.ipVersion << 8 | p.vlan << 16);
  h = mix(h, p.src0 ^ p.dst0);
  h = mix(h, p.src0 + p.dst0 | 0);
  h = mix(h, p.src1 ^ p.dst1);
  h = mix(h, p.src2 ^ p.dst2);
  h = mix(h, (p.src3 ^ p.dst3) + (p.src3 + p.dst3));
  h = mix(h, p.srcPort ^ p.dstPort | p.srcPort + p.dstPort << 16);
  h ^= h >>> 16;
  return Math.imul(h, 2246822507) >>> 0;
}
function keyMatches(f, p, pSrcIsA) {
  if (f.proto !== p.proto || f.ipVersion !== p.ipVersion || f.vlan !== p.vlan) return false;
  if (pSrcIsA) {
    return f.portA === p.srcPort && f.portB === p.dstPort && f.a0 === p.src0 && f.a1 === p.src1 && f.a2 === p.src2 && f.a3 === p.src3 && f.b0 === p.dst0 && f.b1 === p.dst1 && f.b2 === p.dst2 && f.b3 === p.dst3;
  }
  return f.portA === p.dstPort && f.portB === p.srcPort && f.a0 === p.dst0 && f.a1 === p.dst1 && f.a2 === p.dst2 && f.a3 === p.dst3 && f.b0 === p.src0 && f.b1 === p.src1 && f.b2 === p.src2 && f.b3 === p.src3;
}
function setKey(f, p, pSrcIsA) {
  f.proto = p.proto;
  f.ipVersion = p.ipVersion;
  f.vlan = p.vlan;
  if (pSrcIsA) {
    f.a0 = p.src0;
    f.a1 = p.src1;
    f.a2 = p.src2;
    f.a3 = p.src3;
    f.b0 = p.dst0;
    f.b1 = p.dst1;
    f.b2 = p.dst2;
    f.b3 = p.dst3;
    f.portA = p.srcPort;
    f.portB = p.dstPort;
  } else {
    f.a0 = p.dst0;
    f.a1 = p.dst1;
    f.a2 = p.dst2;
    f.a3 = p.dst3;
    f.b0 = p.src0;
    f.b1 = p.src1;
    f.b2 = p.src2;
    f.b3 = p.src3;
    f.portA = p.dstPort;
    f.portB = p.srcPort;
  }
}

// electron/flows/flow-state.ts
var FlowState = class {
  slot = -1;
  // Canonical key.
  ipVersion = 0;
  proto = 0;
  vlan = 0;
  a0 = 0;
  a1 = 0;
  a2 = 0;
  a3 = 0;
  b0 = 0;
  b1 = 0;
  b2 = 0;
  b3 = 0;
  portA = 0;
  portB = 0;
  /** The flow's source (first sender, or SYN sender) is endpoint A. */
  srcIsA = true;
  /** Ports as shown for the flow (for ICMP: type/code of the first message). */
  srcPortShown = 0;
  dstPortShown = 0;
  evidenceId = 0;
  firstTs = 0;
  lastTs = 0;
  fwdPackets = 0;
  bwdPackets = 0;
  fwdBytes = 0;
  bwdBytes = 0;
  lastFwdTs = 0;
  lastBwdTs = 0;
  /** Why the flow ended: fin, rst, idle, active or end_of_capture. */
  termination = "";
  /** The TCP connection ended (FIN both ways and ACKed, or RST); late packets still join it. */
  closing = false;
  /** ICMP errors quoting this flow's packets. */
  icmpErrors = 0;
  // TCP lifecycle: the originator's SYN, and each side's FIN (the ACK value that covers it).
  synSeen = false;
  isn = 0;
  finSeen = 0;
  finAcked = 0;
  finEndFwd = 0;
  finEndBwd = 0;
  /** Per-feature state, indexed like the engine's feature list. */
  ext = [];
  get packets() {
    return this.fwdPackets + this.bwdPackets;
  }
};

// electron/flows/flow-table.ts
var OPEN = 0;
var CLOSING = 1;
var FlowTable = class {
  constructor(newFlow, initialCapacity = 1 << 12) {
    this.newFlow = newFlow;
    this.buckets = new Int32Array(initialCapacity * 2).fill(-1);
    this.mask = initialCapacity * 2 - 1;
    this.chain = new Int32Array(0);
    this.hashes = new Uint32Array(0);
    this.lruPrev = new Int32Array(0);
    this.lruNext = new Int32Array(0);
    this.listOf = new Uint8Array(0);
    this.freeSlots = new Int32Array(0);
    this.grow(initialCapacity);
  }
  newFlow;
  buckets;
  mask;
  chain;
  hashes;
  lruPrev;
  lruNext;
  listOf;
  lruHead = [-1, -1];
  lruTail = [-1, -1];
  freeSlots;
  freeCount = 0;
  capacity = 0;
  flows = [];
  pool = [];
  size = 0;
  /** The active flow for this packet's key, or undefined. Touches nothing. */
  find(p, hash, pSrcIsA) {
    let s = this.buckets[hash & this.mask];
    while (s >= 0) {
      if (this.hashes[s] === hash) {
        const f = this.flows[s];
        if (keyMatches(f, p, pSrcIsA)) return f;
      }
      s = this.chain[s];
    }
    return void 0;
  }
  /** A pooled (or new) flow object placed in the table under `hash`, most recent in LRU order. */
  insert(hash) {
    if (this.freeCount === 0) this.grow(this.capacity * 2);
    const s = this.freeSlots[--this.freeCount];
    const f = this.pool.pop() ?? this.newFlow();
    f.slot = s;
    this.flows[s] = f;
    this.hashes[s] = hash;
    const b = hash & this.mask;
    this.chain[s] = this.buckets[b];
    this.buckets[b] = s;
    this.lruAppend(s, OPEN);
    this.size++;
    return f;
  }
  /** Marks the flow as just seen (moves it to the LRU tail). */
  touch(f) {
    const s = f.slot;
    const list = this.listOf[s];
    if (s === this.lruTail[list]) return;
    this.lruUnlink(s);
    this.lruAppend(s, list);
  }
  /** Moves the flow to the tail of another list (e.g. CLOSING once its connection ended). */
  moveTo(f, list) {
    this.lruUnlink(f.slot);
    this.lruAppend(f.slot, list);
  }
  /** The least recently seen flow of a list, or undefined. */
  oldest(list = OPEN) {
    const s = this.lruHead[list];
    return s >= 0 ? this.flows[s] : void 0;
  }
  /** Removes the flow; the object goes back to the pool once the caller calls `release`. */
  remove(f) {
    const s = f.slot;
    const b = this.hashes[s] & this.mask;
    let prev = -1;
    let cur = this.buckets[b];
    while (cur !== s) {
      prev = cur;
      cur = this.chain[cur];
    }
    if (prev < 0) this.buckets[b] = this.chain[s];
    else this.chain[prev] = this.chain[s];
    this.lruUnlink(s);
    this.flows[s] = void 0;
    this.freeSlots[this.freeCount++] = s;
    f.slot = -1;
    this.size--;
  }
  /** Returns a removed flow's object to the pool (after its record was written). */
  release(f) {
    this.pool.push(f);
  }
  *[Symbol.iterator]() {
    for (const list of [OPEN, CLOSING]) for (let s = this.lruHead[list]; s >= 0; s = this.lruNext[s]) yield this.flows[s];
  }
  lruAppend(s, list) {
    this.listOf[s] = list;
    const tail = this.lruTail[list];
    this.lruPrev[s] = tail;
    this.lruNext[s] = -1;
    if (tail >= 0) this.lruNext[tail] = s;
    else this.lruHead[list] = s;
    this.lruTail[list] = s;
  }
  lruUnlink(s) {
    const list = this.listOf[s];
    const p = this.lruPrev[s];
    const n = this.lruNext[s];
    if (p >= 0) this.lruNext[p] = n;
    else this.lruHead[list] = n;
    if (n >= 0) this.lruPrev[n] = p;
    else this.lruTail[list] = p;
  }
  grow(capacity) {
    const old = this.capacity;
    const extend = (a, make) => {
      const b = make(capacity);
      b.set(a);
      return b;
    };
    this.chain = extend(this.chain, (n) => new Int32Array(n));
    this.hashes = extend(this.hashes, (n) => new Uint32Array(n));
    this.lruPrev = extend(this.lruPrev, (n) => new Int32Array(n));
    this.lruNext = extend(this.lruNext, (n) => new Int32Array(n));
    const listOf = new Uint8Array(capacity);
    listOf.set(this.listOf);
    this.listOf = listOf;
    const free = new Int32Array(capacity);
    free.set(this.freeSlots.subarray(0, this.freeCount));
    for (let s = capacity - 1; s >= old; s--) free[this.freeCount++] = s;
    this.freeSlots = free;
    this.capacity = capacity;
    if (capacity * 2 > this.buckets.length) this.rehash(capacity * 2);
  }
  rehash(bucketCount) {
    this.buckets = new Int32Array(bucketCount).fill(-1);
    this.mask = bucketCount - 1;
    for (const list of [OPEN, CLOSING]) {
      for (let s = this.lruHead[list]; s >= 0; s = this.lruNext[s]) {
        const b = this.hashes[s] & this.mask;
        this.chain[s] = this.buckets[b];
        this.buckets[b] = s;
      }
    }
  }
};

// electron/flows/fragment-ports.ts
var MAX_DATAGRAMS = 65536;
var TIMEOUT = 30;
var FragmentPorts = class {
  map = /* @__PURE__ */ new Map();
  key(p) {
    return `${p.ipVersion}|${p.src0}|${p.src1}|${p.src2}|${p.src3}|${p.dst0}|${p.dst1}|${p.dst2}|${p.dst3}|${p.proto}|${p.ipId}`;
  }
  /** Call for every IP packet; returns true when it filled in the ports of a non-first fragment. */
  resolve(p, ts) {
    if (p.fragOffset === 0) {
      if (p.moreFragments && p.hasPorts) this.remember(p, ts);
      return false;
    }
    const key = this.key(p);
    const ports = this.map.get(key);
    if (!ports || ts - ports.ts > TIMEOUT) return false;
    if (!p.moreFragments) this.map.delete(key);
    p.srcPort = ports.src;
    p.dstPort = ports.dst;
    p.hasPorts = true;
    return true;
  }
  remember(p, ts) {
    if (this.map.size >= MAX_DATAGRAMS) {
      const oldest = this.map.keys().next().value;
      if (oldest !== void 0) this.map.delete(oldest);
    }
    this.map.set(this.key(p), { src: p.srcPort, dst: p.dstPort, ts });
  }
};

// electron/flows/tcp-lifecycle.ts
var FWD2 = 1;
var BWD2 = 2;
function seqGe(a, b) {
  return (a - b | 0) >= 0;
}
function resetTcpLifecycle(f) {
  f.closing = false;
  f.synSeen = false;
  f.isn = 0;
  f.finSeen = f.finAcked = 0;
  f.finEndFwd = f.finEndBwd = 0;
}
function isNewConnection(f, p, fwd) {
  if ((p.tcpFlags & (TCP_SYN | TCP_ACK)) !== TCP_SYN) return false;
  if (f.closing) return !f.synSeen || p.tcpSeq !== f.isn;
  return fwd && f.synSeen && p.tcpSeq !== f.isn && f.packets > 2;
}
function tcpLifecycle(f, p, fwd) {
  const flags = p.tcpFlags;
  if ((flags & (TCP_SYN | TCP_ACK)) === TCP_SYN && fwd && !f.synSeen) {
    f.synSeen = true;
    f.isn = p.tcpSeq;
  }
  if (flags & TCP_RST) return "rst";
  if (flags & TCP_FIN) {
    const end = p.tcpSeq + p.payloadWireLength + 1 >>> 0;
    if (fwd) {
      f.finEndFwd = end;
      f.finSeen |= FWD2;
    } else {
      f.finEndBwd = end;
      f.finSeen |= BWD2;
    }
  }
  if (flags & TCP_ACK) {
    if (fwd && f.finSeen & BWD2 && seqGe(p.tcpAck, f.finEndBwd)) f.finAcked |= BWD2;
    if (!fwd && f.finSeen & FWD2 && seqGe(p.tcpAck, f.finEndFwd)) f.finAcked |= FWD2;
  }
  return f.finSeen === (FWD2 | BWD2) && f.finAcked === (FWD2 | BWD2) ? "fin" : "";
}

// electron/flows/flow-engine.ts
var defaultEngineOptions = { idleTimeout: 120, activeTimeout: 1800, closeTimeout: 10 };
var C4 = {
  proto: columnOf("proto"),
  srcIp: columnOf("src_ip"),
  srcPort: columnOf("src_port"),
  dstIp: columnOf("dst_ip"),
  dstPort: columnOf("dst_port"),
  firstTs: columnOf("first_ts"),
  lastTs: columnOf("last_ts"),
  duration: columnOf("duration"),
  packets: columnOf("packets"),
  bytes: columnOf("bytes"),
  fwdPackets: columnOf("fwd_packets"),
  bwdPackets: columnOf("bwd_packets"),
  fwdBytes: columnOf("fwd_bytes"),
  bwdBytes: columnOf("bwd_bytes"),
  vlan: columnOf("vlan"),
  ipVersion: columnOf("ip_version"),
  ipProto: columnOf("ip_proto"),
  termination: columnOf("termination"),
  icmpErrors: columnOf("icmp_errors")
};
function protoName(proto) {
  switch (proto) {
    case IPPROTO_TCP:
      return "tcp";
    case IPPROTO_UDP:
      return "udp";
    case IPPROTO_ICMP:
      return "icmp";
    case IPPROTO_ICMPV6:
      return "icmpv6";
    default:
      return "other";
  }
}
var FlowEngine = class {
  constructor(opts = defaultEngineOptions, features) {
    this.opts = opts;
    this.features = features ?? defaultFeatures({ names: this.names, signatures: defaultSignatures() });
    this.updating = Int32Array.from(this.features.flatMap((f, i) => f.update ? [i] : []));
    this.table = new FlowTable(() => {
      const f = new FlowState();
      for (const feat of this.features) f.ext.push(feat.create());
      return f;
    });
  }
  opts;
  p = new DecodedPacket();
  table;
  features;
  /** Indexes of the features that look at packets (emit-only ones are skipped per packet). */
  updating;
  fragments = new FragmentPorts();
  finished = [];
  now = 0;
  /**
   * Whole seconds subtracted from every timestamp before it becomes a float, so
   * differences (IATs, durations) keep nanosecond precision: a float of epoch
   * seconds only resolves about 0.2 µs.
   */
  baseSec = -1;
  evidenceId = 0;
  counters = { packets: 0, skipped: /* @__PURE__ */ new Map(), flows: 0 };
  /** Names learnt from the capture (DNS answers, NRBs), shared with the features. */
  names = new NameMap();
  /** Epoch seconds that engine-relative times are counted from (-1 before the first packet). */
  get timeBase() {
    return this.baseSec;
  }
  /** Engine time of the latest packet (seconds since timeBase). */
  get currentTime() {
    return this.now;
  }
  /** Flows from here on belong to this evidence file. */
  setEvidence(id) {
    this.evidenceId = id;
  }
  onPacket = (rec) => {
    const p = this.p;
    this.counters.packets++;
    decodePacket(rec, p);
    if (p.ipVersion === 0) {
      this.skip(p.skipReason || "no IP layer");
      return;
    }
    if (this.baseSec < 0) this.baseSec = rec.tsSec;
    const ts = rec.tsSec - this.baseSec + rec.tsNsec * 1e-9;
    if (ts > this.now) {
      this.now = ts;
      this.expire();
    }
    if (p.fragOffset !== 0 || p.moreFragments) {
      this.fragments.resolve(p, ts);
      if (p.fragOffset !== 0) {
        p.payloadWireLength = p.ipTotalLength - p.ipHeaderLength;
        p.payloadLength = 0;
      }
    }
    const pSrcIsA = srcIsLowEndpoint(p);
    const hash = flowHash(p);
    const isTcp = p.proto === IPPROTO_TCP && !p.icmpError;
    let f = this.table.find(p, hash, pSrcIsA);
    if (f) {
      if (ts - f.firstTs > this.opts.activeTimeout) {
        this.finish(f, "active");
        f = void 0;
      } else if (isTcp && isNewConnection(f, p, pSrcIsA === f.srcIsA)) {
        this.finish(f, f.closing ? f.termination : "reused");
        f = void 0;
      }
    }
    if (!f) f = this.start(p, rec, hash, pSrcIsA, ts);
    else this.table.touch(f);
    const fwd = pSrcIsA === f.srcIsA;
    if (fwd) {
      f.fwdPackets++;
      f.fwdBytes += rec.wirelen;
      f.lastFwdTs = ts;
    } else {
      f.bwdPackets++;
      f.bwdBytes += rec.wirelen;
      f.lastBwdTs = ts;
    }
    if (ts > f.lastTs) f.lastTs = ts;
    if (p.icmpError) f.icmpErrors++;
    const feats = this.features;
    const updating = this.updating;
    for (let k = 0; k < updating.length; k++) {
      const i = updating[k];
      feats[i].update(f.ext[i], f, p, rec, ts, fwd);
    }
    if (isTcp && !f.closing) {
      const end = tcpLifecycle(f, p, fwd);
      if (end) {
        f.termination = end;
        f.closing = true;
        this.table.moveTo(f, CLOSING);
      }
    }
  };
  /** Ends every flow still in the table (end of capture; a closed connection keeps its reason). */
  finishAll() {
    for (const list of [CLOSING, OPEN]) {
      for (let f = this.table.oldest(list); f; f = this.table.oldest(list)) this.finish(f, f.closing ? f.termination : "end_of_capture");
    }
  }
  /** Takes the flows finished since the last call; call `release` after writing them. */
  takeFinished() {
    const out = this.finished;
    this.finished = [];
    return out;
  }
  release(flows) {
    for (const f of flows) this.table.release(f);
  }
  get activeFlows() {
    return this.table.size;
  }
  /** The flow's record in field-registry order (into `row` when given: a reused, all-null row). */
  toRow(f, row = newRow()) {
    const aIsSrc = f.srcIsA;
    row[C4.proto] = protoName(f.proto);
    const a = addressFromWords(f.ipVersion, f.a0, f.a1, f.a2, f.a3);
    const b = addressFromWords(f.ipVersion, f.b0, f.b1, f.b2, f.b3);
    row[C4.srcIp] = aIsSrc ? a : b;
    row[C4.dstIp] = aIsSrc ? b : a;
    row[C4.srcPort] = f.srcPortShown;
    row[C4.dstPort] = f.dstPortShown;
    row[C4.firstTs] = this.baseSec + f.firstTs;
    row[C4.lastTs] = this.baseSec + f.lastTs;
    row[C4.duration] = Math.round((f.lastTs - f.firstTs) * 1e9) / 1e9;
    row[C4.packets] = f.fwdPackets + f.bwdPackets;
    row[C4.bytes] = f.fwdBytes + f.bwdBytes;
    row[C4.fwdPackets] = f.fwdPackets;
    row[C4.bwdPackets] = f.bwdPackets;
    row[C4.fwdBytes] = f.fwdBytes;
    row[C4.bwdBytes] = f.bwdBytes;
    row[C4.vlan] = f.vlan;
    row[C4.ipVersion] = f.ipVersion;
    row[C4.ipProto] = f.proto;
    row[C4.termination] = f.termination;
    row[C4.icmpErrors] = f.icmpErrors;
    const feats = this.features;
    for (let i = 0; i < feats.length; i++) feats[i].emit(f.ext[i], f, row);
    return row;
  }
  start(p, rec, hash, pSrcIsA, ts) {
    const f = this.table.insert(hash);
    setKey(f, p, pSrcIsA);
    const flip = p.icmpError || p.proto === IPPROTO_TCP && (p.tcpFlags & (TCP_SYN | TCP_ACK)) === (TCP_SYN | TCP_ACK);
    f.srcIsA = flip ? !pSrcIsA : pSrcIsA;
    const icmp = (p.proto === IPPROTO_ICMP || p.proto === IPPROTO_ICMPV6) && !p.icmpError;
    const srcPort = flip ? p.dstPort : p.srcPort;
    const dstPort = flip ? p.srcPort : p.dstPort;
    f.srcPortShown = icmp ? p.icmpType : srcPort;
    f.dstPortShown = icmp ? p.icmpCode : dstPort;
    f.evidenceId = this.evidenceId;
    f.firstTs = f.lastTs = f.lastFwdTs = ts;
    f.lastBwdTs = 0;
    f.fwdPackets = f.bwdPackets = f.fwdBytes = f.bwdBytes = 0;
    f.icmpErrors = 0;
    f.termination = "";
    resetTcpLifecycle(f);
    const feats = this.features;
    for (let i = 0; i < feats.length; i++) feats[i].init(f.ext[i], f, p, rec, ts);
    this.counters.flows++;
    return f;
  }
  finish(f, reason) {
    f.termination = reason;
    this.table.remove(f);
    this.finished.push(f);
  }
  expire() {
    const idle = this.now - this.opts.idleTimeout;
    for (let f = this.table.oldest(OPEN); f && f.lastTs < idle; f = this.table.oldest(OPEN)) this.finish(f, "idle");
    const closed = this.now - this.opts.closeTimeout;
    for (let f = this.table.oldest(CLOSING); f && f.lastTs < closed; f = this.table.oldest(CLOSING)) this.finish(f, f.termination);
  }
  skip(reason) {
    const m = this.counters.skipped;
    m.set(reason, (m.get(reason) ?? 0) + 1);
  }
};

// prof-tmp.ts
var all = defaultFeatures({ names: new NameMap(), signatures: defaultSignatures() });
var only = process.argv[3];
async function time(label, feats) {
  const e = new FlowEngine(defaultEngineOptions, feats);
  const row = newRow();
  const t = performance.now();
  await readCaptureFile(process.argv[2], e.onPacket, { shouldStop: () => {
    const b = e.takeFinished();
    for (const f of b) {
      row.fill(null);
      e.toRow(f, row);
    }
    e.release(b);
    return false;
  } });
  e.finishAll();
  for (const f of e.takeFinished()) e.toRow(f);
  return performance.now() - t;
}
var best = async (label, feats) => {
  let m = Infinity;
  for (let i = 0; i < 3; i++) m = Math.min(m, await time(label, feats));
  console.log(label.padEnd(20), m.toFixed(0), "ms");
  return m;
};
var base = await best("none", []);
if (only !== "all") for (const f of all) await best(f.name, [f]);
await best("all", all);
