/**
 * The head of an HTTP/1.x message (RFC 9112 §2–5): the request line and the
 * headers we keep (Host, User-Agent), or a response's status line. Also reads
 * HTTP over UDP (SSDP, which borrows the same syntax) and HTTP/0.9's
 * "GET /path" line. A head cut short yields what was complete.
 */
export interface HttpRequest {
  method: string;
  target: string;
  /** "HTTP/1.1", "HTTP/1.0"; "" for HTTP/0.9 or when the line is cut before it. */
  version: string;
  host: string | null;
  userAgent: string | null;
  /** The bytes ended before the blank line closing the head. */
  truncated: boolean;
}

export interface HttpResponse {
  version: string;
  status: number;
}

// Request lines and headers longer than this are not worth reading (servers cap near 8 KB too).
const MAX_LINE = 16 * 1024;
const MAX_HEADERS = 100;

/**
 * Methods recognised without the rest of the request line (cut segment,
 * HTTP/0.9): RFC 9110 §9, PATCH (RFC 5789), WebDAV (RFC 4918), and SSDP's.
 */
const KNOWN_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH', 'PROPFIND', 'PROPPATCH', 'MKCOL', 'COPY', 'MOVE', 'LOCK', 'UNLOCK', 'M-SEARCH', 'NOTIFY', 'SUBSCRIBE', 'UNSUBSCRIBE']);
const MAX_METHOD = 24;

/**
 * Parses a request head; null when the bytes do not start an HTTP request
 * line. Never throws. A line with "HTTP/1.x" at its end accepts any token as
 * the method; a line without (cut, or HTTP/0.9) needs a known method.
 */
export function parseHttpRequest(d: Uint8Array, off: number, length: number): HttpRequest | null {
  const end = Math.min(off + length, d.length);
  let sp1 = off;
  while (sp1 < end && sp1 - off <= MAX_METHOD && isTokenChar(d[sp1])) sp1++;
  if (sp1 === off || sp1 >= end || d[sp1] !== 0x20 || sp1 - off > MAX_METHOD) return null;
  const method = text(d, off, sp1);
  const lf = findLineEnd(d, sp1, end);
  const lineEnd = lf < 0 ? end : stripCr(d, sp1, lf);
  let sp2 = lineEnd;
  while (sp2 > sp1 + 1 && d[sp2 - 1] !== 0x20) sp2--;
  const last = sp2 > sp1 + 1 ? text(d, sp2, lineEnd) : '';
  const hasVersion = /^HTTP\/1\.\d$/.test(last);
  if (!hasVersion && !KNOWN_METHODS.has(method)) return null;
  const req: HttpRequest = {
    method,
    target: text(d, sp1 + 1, hasVersion ? sp2 - 1 : lineEnd),
    version: hasVersion ? last : '',
    host: null,
    userAgent: null,
    // HTTP/0.9 has no headers: its request line is the whole request.
    truncated: lf < 0 || hasVersion,
  };
  if (lf < 0 || !hasVersion) return req;
  let o = lf + 1;
  for (let i = 0; i < MAX_HEADERS && o < end; i++) {
    const e = findLineEnd(d, o, end);
    if (e < 0) break;
    const lineStop = stripCr(d, o, e);
    if (lineStop === o) {
      req.truncated = false;
      break;
    }
    readHeader(d, o, lineStop, req);
    o = e + 1;
  }
  return req;
}

/** Parses a status line (RFC 9112 §4); null when the bytes do not start with one. Never throws. */
export function parseHttpResponse(d: Uint8Array, off: number, length: number): HttpResponse | null {
  const end = Math.min(off + length, d.length);
  if (end - off < 12) return null;
  const version = text(d, off, off + 8);
  if (!/^HTTP\/1\.\d$/.test(version) || d[off + 8] !== 0x20) return null;
  let status = 0;
  for (let i = off + 9; i < off + 12; i++) {
    if (d[i] < 0x30 || d[i] > 0x39) return null;
    status = status * 10 + d[i] - 0x30;
  }
  return { version, status };
}

/** Host and User-Agent; field names are case-insensitive, values lose surrounding whitespace (RFC 9110 §5.5). */
function readHeader(d: Uint8Array, o: number, end: number, req: HttpRequest): void {
  let colon = o;
  while (colon < end && d[colon] !== 0x3a) colon++;
  if (colon === end) return;
  const nameLen = colon - o;
  if (nameLen === 4 && lowerEquals(d, o, 'host')) {
    if (req.host === null) req.host = value(d, colon + 1, end);
  } else if (nameLen === 10 && lowerEquals(d, o, 'user-agent')) {
    if (req.userAgent === null) req.userAgent = value(d, colon + 1, end);
  }
}

function value(d: Uint8Array, o: number, end: number): string {
  while (o < end && (d[o] === 0x20 || d[o] === 0x09)) o++;
  while (end > o && (d[end - 1] === 0x20 || d[end - 1] === 0x09)) end--;
  return text(d, o, end);
}

function lowerEquals(d: Uint8Array, o: number, lower: string): boolean {
  for (let i = 0; i < lower.length; i++) if ((d[o + i] | 0x20) !== lower.charCodeAt(i)) return false;
  return true;
}

/** Offset of the '\n' ending the line at `o`, -1 when none within MAX_LINE. */
function findLineEnd(d: Uint8Array, o: number, end: number): number {
  const stop = Math.min(end, o + MAX_LINE);
  for (let i = o; i < stop; i++) if (d[i] === 0x0a) return i;
  return -1;
}

/** Lines end in CRLF; a bare LF is tolerated (RFC 9112 §2.2). */
function stripCr(d: Uint8Array, o: number, lf: number): number {
  return lf > o && d[lf - 1] === 0x0d ? lf - 1 : lf;
}

/** tchar (RFC 9110 §5.6.2) minus the rarely used symbols. */
function isTokenChar(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x5f || c === 0x2e || c === 0x21 || c === 0x7e;
}

/** Header bytes as latin1: HTTP field values are octets (RFC 9110 §5.5), usually ASCII. */
function text(d: Uint8Array, o: number, end: number): string {
  let s = '';
  for (let i = o; i < end; i++) s += String.fromCharCode(d[i]);
  return s;
}
