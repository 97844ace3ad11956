import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_COOKIE = 'flowsight_token';

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * DNS-rebinding defence: the Host header must name this machine at our port,
 * and an Origin, when a browser sends one, must be our own.
 */
export function isLocalRequest(req: IncomingMessage, port: number): { ok: true } | { ok: false; reason: string } {
  const host = req.headers.host;
  if (!host || !isLocalAuthority(host, port)) return { ok: false, reason: `Host ${JSON.stringify(host ?? '')} is not this local server` };
  const origin = req.headers.origin;
  if (origin !== undefined) {
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      return { ok: false, reason: `Origin ${JSON.stringify(origin)} is not a URL` };
    }
    if (url.protocol !== 'http:' || !isLocalAuthority(url.host, port)) return { ok: false, reason: `Origin ${origin} is not this local server` };
  }
  return { ok: true };
}

function isLocalAuthority(authority: string, port: number): boolean {
  const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(authority.toLowerCase());
  if (!m) return false;
  return LOCAL_HOSTS.has(m[1]) && Number(m[2] ?? 80) === port;
}

/** The token a request carries: Bearer header, `token` query parameter, or the page's cookie. */
export function requestToken(req: IncomingMessage, url: URL): string | null {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim();
  const q = url.searchParams.get('token');
  if (q) return q;
  const cookie = req.headers.cookie;
  if (cookie) {
    for (const part of cookie.split(';')) {
      const [k, v] = part.trim().split('=');
      if (k === TOKEN_COOKIE && v) return decodeURIComponent(v);
    }
  }
  return null;
}

export function tokenMatches(given: string | null, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
