import { describe, expect, it } from 'vitest';
import { parseHttpRequest, parseHttpResponse } from '../../../electron/dissect/app/http';
import { HttpHeadStream } from '../../../electron/dissect/app/http-stream';

const bytes = (s: string) => Uint8Array.from(Buffer.from(s, 'latin1'));
const req = (s: string) => {
  const b = bytes(s);
  return parseHttpRequest(b, 0, b.length);
};

describe('HTTP request head', () => {
  it('reads method, target, version, Host and User-Agent (RFC 9112 §3, RFC 9110 §7.2, §10.1.5)', () => {
    expect(req('GET /index.html HTTP/1.1\r\nhost:  www.example.com \r\nUser-Agent: curl/8.1.2\r\nAccept: */*\r\n\r\nbody')).toEqual({
      method: 'GET',
      target: '/index.html',
      version: 'HTTP/1.1',
      host: 'www.example.com',
      userAgent: 'curl/8.1.2',
      truncated: false,
    });
  });

  it('tolerates bare LF line ends and keeps the first of repeated fields', () => {
    expect(req('POST /a HTTP/1.0\nHost: a\nHost: b\n\n')).toMatchObject({ method: 'POST', host: 'a', truncated: false });
  });

  it('accepts any token method with a version, known methods without one (cut line, HTTP/0.9, SSDP)', () => {
    expect(req('BREW /pot HTTP/1.1\r\n\r\n')?.method).toBe('BREW');
    expect(req('GET /\r\n')).toMatchObject({ method: 'GET', target: '/', version: '', truncated: false });
    expect(req('GET /images/sf.net_box.gif HTT')).toMatchObject({ method: 'GET', version: '', truncated: true });
    expect(req('M-SEARCH * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\n\r\n')).toMatchObject({ method: 'M-SEARCH', host: '239.255.255.250:1900' });
    expect(req('BREW /pot')).toBeNull();
  });

  it('returns the headers read so far when the head is cut', () => {
    expect(req('GET / HTTP/1.1\r\nHost: example.com\r\nUser-Ag')).toMatchObject({ host: 'example.com', userAgent: null, truncated: true });
  });

  it('refuses what is not a request line', () => {
    for (const s of ['HTTP/1.1 200 OK\r\n', '\x16\x03\x01\x02\x00', ' GET / HTTP/1.1\r\n', 'SSH-2.0-OpenSSH_8.9\r\n', '']) expect(req(s)).toBeNull();
  });

  it('reads a status line', () => {
    const b = bytes('HTTP/1.1 204 No Content\r\n\r\n');
    expect(parseHttpResponse(b, 0, b.length)).toEqual({ version: 'HTTP/1.1', status: 204 });
    expect(parseHttpResponse(bytes('HTTP/1.1 2x4 ?\r\n'), 0, 16)).toBeNull();
  });
});

describe('HTTP head stream', () => {
  it('joins a request head split over segments (a 1.5 KB URL, as in corpus 1kxun.pcap)', () => {
    const head = bytes(`GET /track?${'x'.repeat(1500)} HTTP/1.1\r\nHost: adx.example\r\nUser-Agent: UA/1\r\n\r\n`);
    const s = new HttpHeadStream();
    s.push(1, head, 0, 1440);
    expect(s.request).toMatchObject({ method: 'GET', host: null, truncated: true });
    expect(s.finished).toBe(false);
    s.push(1, head, 0, 1440); // retransmission
    s.push(1441, head, 1440, 20);
    s.push(1461, head, 1460, head.length - 1460);
    expect(s.request).toMatchObject({ host: 'adx.example', userAgent: 'UA/1', truncated: false });
    expect(s.finished).toBe(true);
  });

  it('stops on a gap with what it had', () => {
    const head = bytes('GET / HTTP/1.1\r\nHost: h\r\nUser-Agent: u\r\n\r\n');
    const s = new HttpHeadStream();
    s.push(1, head, 0, 20);
    s.push(40, head, 39, 5);
    expect(s.finished).toBe(true);
    expect(s.request).toMatchObject({ method: 'GET', host: null });
  });
});
