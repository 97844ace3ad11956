import type { InteractiveSession } from '../../../shared/domain/hosts';
import type { CaseDb } from '../../cases/case-db';
import { readPacketIndex } from '../../flows/packet-index';
import { interactiveSegments } from './interactive-segments';
import type { ProfileFlow } from './profile-flow';
import { defaultTypingOptions, estimateTyping } from './typing-speed';

/** SSH (22) or Telnet (23) by port or by the app the signatures gave the flow. */
export function interactiveProtocol(f: Pick<ProfileFlow, 'proto' | 'dst_port' | 'src_port' | 'app'>): 'ssh' | 'telnet' | null {
  if (f.proto !== 'tcp') return null;
  if (f.app === 'SSH' || f.dst_port === 22) return 'ssh';
  if (f.app === 'Telnet' || f.dst_port === 23) return 'telnet';
  return null;
}

export interface InteractiveCandidate {
  flow: Omit<ProfileFlow, 'idx'>;
  idx: Uint8Array | null;
  protocol: 'ssh' | 'telnet';
  hostKey: string | null;
}

export type KeyedSession = InteractiveSession & { hostKey: string | null };

/** The typing estimate of one SSH/Telnet flow (see typing-speed.ts). */
export async function measureInteractive(db: CaseDb, c: InteractiveCandidate, pause: number): Promise<KeyedSession> {
  const f = c.flow;
  const base = {
    flowId: f.id,
    hostId: null,
    hostKey: c.hostKey,
    protocol: c.protocol,
    client: f.src_ip ?? '',
    clientPort: f.src_port,
    server: f.dst_ip ?? '',
    serverPort: f.dst_port,
    start: f.first_ts,
    duration: f.first_ts !== null && f.last_ts !== null ? f.last_ts - f.first_ts : null,
  };
  if (c.idx === null || f.first_ts === null) return { ...base, keystrokes: 0, typingSeconds: 0, typingCpm: null, note: 'no packets (imported flow record)' };
  const { segments, exact } = await interactiveSegments(db, f.evidence_id, f.first_ts, readPacketIndex(c.idx));
  const e = estimateTyping(segments, c.protocol, { ...defaultTypingOptions, pause });
  const note = [e.note, exact ? null : 'payload sizes estimated from frame lengths (evidence file not readable)'].filter(Boolean).join('; ') || null;
  return { ...base, keystrokes: e.keystrokes, typingSeconds: e.typingSeconds, typingCpm: e.cpm, note };
}
