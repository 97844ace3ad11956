import type { ClientHello } from '../app/tls';
import { ja3 } from './ja3';
import { ja4, type Ja4Transport } from './ja4';

export interface HelloFingerprints {
  ja3: string;
  ja4: string;
}

interface Entry {
  transport: Ja4Transport;
  hasSni: boolean;
  alpn: string;
  legacyVersion: number;
  lists: readonly (readonly number[])[];
  fingerprints: HelloFingerprints;
  next: Entry | null;
}

const MAX_ENTRIES = 4096;
// Numbers kept across all entries: crafted hellos carry lists of up to 512
// entries each, and 4,096 of them would hold ~100 MB.
const MAX_VALUES = 1 << 19;

/** The hello's lists that JA3 and JA4 read. */
const LISTS = ['cipherSuites', 'extensions', 'supportedVersions', 'supportedGroups', 'ecPointFormats', 'signatureAlgorithms'] as const;

/** The first ALPN value, the only one JA4 reads ('' when there is none). */
function firstAlpn(ch: ClientHello): string {
  return ch.alpn.length > 0 ? ch.alpn[0] : '';
}

function mix(h: number, v: number): number {
  return Math.imul(h ^ v, 16777619);
}

function mixList(h: number, list: readonly number[]): number {
  h = mix(h, list.length);
  for (let i = 0; i < list.length; i++) h = mix(h, list[i]);
  return h;
}

/** FNV-1a over every input of JA3 and JA4 (list lengths included, so lists cannot shift into each other). */
export function helloHash(ch: ClientHello, transport: Ja4Transport): number {
  let h = mix(2166136261, transport.charCodeAt(0));
  h = mix(h, ch.sni !== null ? 1 : 0);
  h = mix(h, ch.legacyVersion);
  const alpn = firstAlpn(ch);
  h = mix(h, alpn.length);
  for (let i = 0; i < alpn.length; i++) h = mix(h, alpn.charCodeAt(i));
  for (const k of LISTS) h = mixList(h, ch[k]);
  return h >>> 0;
}

function sameList(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function matches(e: Entry, ch: ClientHello, transport: Ja4Transport): boolean {
  if (e.transport !== transport || e.hasSni !== (ch.sni !== null) || e.legacyVersion !== ch.legacyVersion) return false;
  if (e.alpn !== firstAlpn(ch)) return false;
  for (let i = 0; i < LISTS.length; i++) if (!sameList(e.lists[i], ch[LISTS[i]])) return false;
  return true;
}

/**
 * JA3 and JA4 of ClientHellos, remembered by everything the two read. A
 * capture's hellos come from a handful of client builds, so nearly every hello
 * repeats an earlier one but for its SNI name, random and session id, which
 * neither fingerprint reads; a repeat costs a hash of its numbers and a
 * comparison instead of the lists, sorts, joins and digests of both (80 MB of
 * garbage per million packets of the bench's traffic). A hash match is checked
 * field by field, so a collision never returns another hello's fingerprints.
 * Bounded in entries and in the numbers they keep: the memo starts over when
 * either is full.
 */
export class HelloFingerprintMemo {
  private readonly entries = new Map<number, Entry>();
  private values = 0;

  /** How many list entries the memo holds (its memory). */
  get keptValues(): number {
    return this.values;
  }

  constructor(private readonly hash: (ch: ClientHello, transport: Ja4Transport) => number = helloHash) {}

  fingerprints(ch: ClientHello, transport: Ja4Transport): HelloFingerprints {
    const h = this.hash(ch, transport);
    for (let e = this.entries.get(h) ?? null; e !== null; e = e.next) if (matches(e, ch, transport)) return e.fingerprints;
    const fingerprints = { ja3: ja3(ch).hash, ja4: ja4(ch, transport) };
    // The hello's lists are its own (parsed fresh for each message), so they are kept, not copied.
    const lists = LISTS.map((k) => ch[k]);
    const values = lists.reduce((n, l) => n + l.length, 0);
    if (this.entries.size >= MAX_ENTRIES || this.values + values > MAX_VALUES) {
      this.entries.clear();
      this.values = 0;
    }
    this.values += values;
    this.entries.set(h, { transport, hasSni: ch.sni !== null, alpn: firstAlpn(ch), legacyVersion: ch.legacyVersion, lists, fingerprints, next: this.entries.get(h) ?? null });
    return fingerprints;
  }
}
