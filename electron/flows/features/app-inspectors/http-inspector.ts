import { parseHttpRequest, type HttpRequest } from '../../../dissect/app/http';
import type { AppMetadataState } from './app-state';

/** SSDP (UPnP discovery) speaks HTTP/1.1 over UDP port 1900. */
export function isSsdpPort(port: number): boolean {
  return port === 1900;
}

export function recordHttpRequest(s: AppMetadataState, req: HttpRequest): void {
  s.httpMethod = req.method;
  s.httpHost = req.host;
  s.httpUserAgent = req.userAgent;
}

/** One SSDP datagram: the first request (M-SEARCH, NOTIFY) fills the HTTP columns. */
export function readHttpDatagram(s: AppMetadataState, d: Uint8Array, off: number, len: number): void {
  if (s.httpMethod !== null) return;
  const req = parseHttpRequest(d, off, len);
  if (req !== null) recordHttpRequest(s, req);
}
