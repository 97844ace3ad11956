/** One TCP segment of an interactive flow: when, which way, how much payload. */
export interface Segment {
  t: number;
  fromServer: boolean;
  payload: number;
}

export interface TypingOptions {
  /** A gap between keystrokes longer than this (s) ends a typing run: thinking, reading output. */
  pause: number;
  /** The server must answer a keystroke (the echo) within this many seconds. */
  echoWindow: number;
  /** Runs shorter than this are not typing (key-exchange and login messages that happen to look alike). */
  minRun: number;
  /** More server payload than this in the second before a client packet means output is streaming: not typing. */
  bulkBytes: number;
  /** Fewer keystroke intervals than this give no speed. */
  minIntervals: number;
}

export const defaultTypingOptions: TypingOptions = { pause: 2, echoWindow: 0.5, minRun: 3, bulkBytes: 4096, minIntervals: 5 };

export interface TypingEstimate {
  keystrokes: number;
  typingSeconds: number;
  cpm: number | null;
  note: string | null;
}

/**
 * Typing speed from the timing of an interactive session (after Song, Wagner
 * and Tian, "Timing Analysis of Keystrokes and Timing Attacks on SSH", USENIX
 * Security 2001). In an interactive SSH or Telnet session each keystroke leaves
 * the client as a packet of its own, the same size every time (SSH: one
 * encrypted block plus MAC; Telnet: one byte), and the server echoes it.
 *
 * 1. The keystroke size is the most common small client payload (SSH ≤ 128
 *    bytes; Telnet 1–3 bytes, a character or a short escape sequence).
 * 2. A keystroke is a client packet of that size that the server answers within
 *    the echo window (0.5 s, before two more keys), sent while no bulk output streams (more than `bulkBytes`
 *    from the server in the second before it): SSH window adjustments during
 *    a large output have the keystroke size too, and are not typing.
 * 3. Consecutive keystrokes less than `pause` apart form a run; any other client
 *    data (a paste, a resize) ends it. Runs shorter than `minRun` are dropped,
 *    which removes key-exchange and login messages; passwords are not echoed,
 *    so they do not count either.
 * 4. Speed = 60 × (keystroke intervals within runs) / (their total time), in
 *    characters per minute; each interval is one more character typed.
 *
 * Limits: keystrokes that the client coalesces (Nagle, very fast typing over a
 * slow link) count as one; OpenSSH ≥ 9.5 sends chaff keystrokes every 20 ms
 * while typing (ObscureKeystrokeTiming), which hides the timing (flagged in the
 * note); multiplexed channels and mosh are not modelled.
 */
export function estimateTyping(segments: readonly Segment[], protocol: 'ssh' | 'telnet', o: TypingOptions = defaultTypingOptions): TypingEstimate {
  const client = segments.filter((s) => !s.fromServer && s.payload > 0);
  if (client.length === 0) return { keystrokes: 0, typingSeconds: 0, cpm: null, note: 'no client data' };
  const isSmall = protocol === 'telnet' ? (p: number) => p >= 1 && p <= 3 : (p: number) => p <= 128;
  const sizes = new Map<number, number>();
  for (const s of client) if (isSmall(s.payload)) sizes.set(s.payload, (sizes.get(s.payload) ?? 0) + 1);
  let keySize = -1;
  let best = 0;
  for (const [size, n] of sizes) if (n > best || (n === best && size < keySize)) [keySize, best] = [size, n];
  if (best < o.minRun) return { keystrokes: 0, typingSeconds: 0, cpm: null, note: 'no keystroke-sized packets' };
  const isKey = protocol === 'telnet' ? isSmall : (p: number) => p === keySize;

  // Walk the segments in time order, deciding each client data packet.
  const keys: number[] = [];
  const runs: number[][] = [];
  const endRun = () => {
    if (keys.length >= o.minRun) runs.push([...keys]);
    keys.length = 0;
  };
  // Server payload in the last second: a window over the segments, by index.
  let recent = 0;
  let tail = 0;
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i];
    if (s.fromServer) {
      recent += s.payload;
      continue;
    }
    if (s.payload === 0) continue;
    for (; tail < i && segments[tail].t < s.t - 1; tail++) if (segments[tail].fromServer) recent -= segments[tail].payload;
    const bulk = recent > o.bulkBytes;
    if (!isKey(s.payload) || bulk || !echoed(segments, i, o.echoWindow)) {
      endRun();
      continue;
    }
    if (keys.length && s.t - keys[keys.length - 1] > o.pause) endRun();
    keys.push(s.t);
  }
  endRun();

  let keystrokes = 0;
  let intervals = 0;
  let seconds = 0;
  const gaps: number[] = [];
  for (const r of runs) {
    keystrokes += r.length;
    intervals += r.length - 1;
    seconds += r[r.length - 1] - r[0];
    for (let k = 1; k < r.length; k++) gaps.push(r[k] - r[k - 1]);
  }
  if (intervals < o.minIntervals || seconds <= 0) return { keystrokes, typingSeconds: seconds, cpm: null, note: keystrokes ? 'too few keystrokes for a speed' : 'no typing found' };
  gaps.sort((a, b) => a - b);
  const median = gaps[Math.floor(gaps.length / 2)];
  const note = median < 0.03 ? 'keystroke intervals near 20 ms: the client may send chaff (OpenSSH ObscureKeystrokeTiming); the speed is not the typist\'s' : null;
  return { keystrokes, typingSeconds: seconds, cpm: (60 * intervals) / seconds, note };
}

/**
 * The server sends data within the window after client segment i, before the
 * client has sent two more data packets. A fast typist on a long link sends
 * the next key before the echo of the last one arrives, so one key of lag is
 * allowed; keys the server does not echo (a Telnet password) see the client
 * go on typing with no answer at all.
 */
function echoed(segments: readonly Segment[], i: number, window: number): boolean {
  const t0 = segments[i].t;
  let clientAfter = 0;
  for (let j = i + 1; j < segments.length; j++) {
    const s = segments[j];
    if (s.t - t0 > window) return false;
    if (s.payload === 0) continue;
    if (s.fromServer) return true;
    if (++clientAfter === 2) return false;
  }
  return false;
}
