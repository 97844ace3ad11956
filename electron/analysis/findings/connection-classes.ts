/**
 * What kind of connection attempt a flow is, from its flow fields alone (Zeek's
 * conn_state and history, payload bytes), so that flows imported from Zeek or
 * other flow logs classify the same way as flows built from packets.
 */
export const ConnClass = {
  /**
   * A probe: a TCP attempt that carried no payload from its source and did not
   * end normally (S0, REJ, RSTO, RSTOS0, RSTR, RSTRH, SH, SHR, OTH), or a UDP
   * datagram flow that got no answer (S0) or an ICMP error back.
   */
  Probe: 1,
  /** A TCP attempt whose originator never completed the handshake: a SYN, perhaps a SYN-ACK or RST back, no ACK. */
  HalfOpen: 2,
  /** A TCP connection that was established (the originator ACKed or sent data) and then reset (RSTO, RSTR). */
  EstablishedReset: 4,
  /** A TCP connection that was established and closed normally (SF). */
  Closed: 8,
  /** A TCP connection that got past the handshake, however it ended. */
  Established: 16,
} as const;

/** TCP states in which a connection did not end as a normal exchange. */
const UNFINISHED = new Set(['S0', 'REJ', 'RSTO', 'RSTOS0', 'RSTR', 'RSTRH', 'SH', 'SHR', 'OTH']);
/** States of attempts that never got past the handshake, for flows without a history. */
const HALF_OPEN_STATES = new Set(['S0', 'REJ', 'RSTOS0', 'RSTRH', 'SH', 'SHR']);

export interface ClassInput {
  proto: string;
  connState: string | null;
  history: string | null;
  fwdPayload: number | null;
  bwdPayload: number | null;
  icmpErrors: number | null;
  bwdPackets: number | null;
}

export function connectionClass(f: ClassInput): number {
  const state = f.connState ?? '';
  if (f.proto === 'udp') {
    const unanswered = state === 'S0' || (state === '' && f.bwdPackets === 0);
    return unanswered || (f.icmpErrors ?? 0) > 0 ? ConnClass.Probe : 0;
  }
  let c = 0;
  if (UNFINISHED.has(state) && (f.fwdPayload ?? 0) === 0) c |= ConnClass.Probe;
  const halfOpen = f.history !== null ? originatorNeverAcked(f.history) : HALF_OPEN_STATES.has(state);
  if (halfOpen) c |= ConnClass.HalfOpen;
  else if (state !== '' && state !== 'OTH') c |= ConnClass.Established;
  if ((state === 'RSTO' || state === 'RSTR') && !halfOpen) {
    // Without a history, payload in either direction shows the connection was in use.
    if (f.history !== null || (f.fwdPayload ?? 0) + (f.bwdPayload ?? 0) > 0) c |= ConnClass.EstablishedReset;
  }
  if (state === 'SF' && !halfOpen) c |= ConnClass.Closed;
  return c;
}

/**
 * Zeek's history in upper case is the originator's: S syn, A ack, D data, F fin.
 * A history that starts with the originator's SYN and has none of A, D, F is
 * an attempt the originator never completed ('S', 'Sh', 'Sr', 'ShR', …); '^'
 * marks a flipped direction and is skipped.
 */
function originatorNeverAcked(history: string): boolean {
  const h = history.startsWith('^') ? history.slice(1) : history;
  return h.startsWith('S') && !/[ADF]/.test(h);
}
