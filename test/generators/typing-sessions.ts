import { ascii } from './app-payloads';
import type { Random } from './random';
import type { ScenarioRecorder } from './scenario-recorder';
import { TcpScript, type Peer } from './tcp-script';

/** What was typed, as the typing estimate should find it: keystrokes in echoed runs, their intervals and time. */
export interface TypingTruth {
  keystrokes: number;
  intervals: number;
  seconds: number;
  cpm: number;
}

const SSH_KEY = 36; // chacha20-poly1305: one 16-byte block of packet plus length and MAC
const RTT = 0.025;

function gapOf(r: Random, cpm: number): number {
  return Math.min(1.6, Math.max(0.06, r.logNormal(60 / cpm, 0.3)));
}

/**
 * An interactive SSH session: key exchange and login (client messages of
 * many sizes, two of them keystroke-sized but isolated), then lines typed at
 * about `cpm`, each key one 36-byte packet echoed by the server, pauses of 3–9 s
 * between lines, command output after Enter, and a final `cat` that streams
 * 580 KB with the client's window adjustments (keystroke-sized) in between.
 */
export function sshTypist(rec: ScenarioRecorder, r: Random, name: string, client: Peer, server: Peer, cport: number, t0: number, cpm: number, lines: string[]): TypingTruth {
  const s = new TcpScript(rec, name, client, server, cport, 22, t0, RTT);
  let t = s.t;
  s.send(1, ascii('SSH-2.0-OpenSSH_9.6\r\n'), (t += 0.01));
  s.send(0, ascii('SSH-2.0-OpenSSH_9.3\r\n'), (t += 0.02));
  t = s.exchange(1392, 1080, t + 0.001);
  t = s.exchange(48, 540, t + 0.002);
  s.send(0, 16, (t += 0.01));
  t = s.exchange(SSH_KEY, 52, t + 1); // service request: keystroke-sized, alone
  t = s.exchange(100, 36, t + 2.5); // the password, typed locally, sent at once
  t = s.exchange(84, 64, t + 0.05);
  t = s.exchange(156, 44, t + 0.05);
  t = s.exchange(SSH_KEY, 44, t + 3); // a channel request: keystroke-sized, alone
  s.send(1, 620, (t += 0.05)); // motd and prompt
  s.ack(0, (t += RTT));
  const truth = { keystrokes: 0, intervals: 0, seconds: 0, cpm: 0 };
  lines.forEach((line, li) => {
    t += 3 + 6 * r.next();
    const keys = line.length + 1;
    const start = t;
    for (let k = 0; k < keys; k++) {
      if (k > 0) t += gapOf(r, cpm);
      s.send(0, SSH_KEY, t);
      s.send(1, SSH_KEY, t + RTT);
      const enter = k === keys - 1;
      if (!enter) s.ack(0, t + RTT + 0.04);
      else if (li === lines.length - 1) {
        // The last line's command streams a large output; the client acknowledges and opens the window.
        for (let seg = 0; seg < 400; seg++) {
          s.send(1, 1448, t + RTT + 0.01 + seg * 0.001);
          if (seg % 2 === 1) s.ack(0, t + RTT + 0.0105 + seg * 0.001);
          if (seg % 40 === 39) s.send(0, SSH_KEY, t + RTT + 0.0106 + seg * 0.001);
        }
      } else {
        s.send(1, 200 + r.int(0, 1200), t + RTT + 0.005);
        s.ack(0, t + RTT + 0.045);
      }
    }
    truth.keystrokes += keys;
    truth.intervals += keys - 1;
    truth.seconds += t - start;
  });
  s.close(t + 6);
  truth.cpm = (60 * truth.intervals) / truth.seconds;
  return truth;
}

/**
 * A Telnet session in character mode: option negotiation, the login name typed
 * with echo, the password typed without (so it is not counted), then command
 * lines; every key is one byte, Enter is CR NUL, each echoed by the server.
 */
export function telnetTypist(rec: ScenarioRecorder, r: Random, name: string, client: Peer, server: Peer, cport: number, t0: number, cpm: number, user: string, lines: string[]): TypingTruth {
  const s = new TcpScript(rec, name, client, server, cport, 23, t0, 0.002);
  let t = s.t;
  t = s.exchange(new Uint8Array([255, 251, 24, 255, 251, 31, 255, 251, 32]), new Uint8Array([255, 253, 24, 255, 253, 31, 255, 253, 1, 255, 251, 1, 255, 251, 3]), t + 0.01);
  s.send(1, ascii('login: '), (t += 0.05));
  const truth = { keystrokes: 0, intervals: 0, seconds: 0, cpm: 0 };
  const typeLine = (text: string, echo: boolean, after: number, output: number) => {
    let at = after;
    const start = at;
    const keys = [...[...text].map((c) => ascii(c)), new Uint8Array([13, 0])];
    keys.forEach((key, k) => {
      if (k > 0) at += gapOf(r, cpm);
      s.send(0, key, at);
      const last = k === keys.length - 1;
      if (echo) s.send(1, last ? 2 : 1, at + 0.002);
      if (last) s.send(1, output, at + 0.01);
      else if (!echo) s.ack(1, at + 0.002);
    });
    if (echo) {
      truth.keystrokes += keys.length;
      truth.intervals += keys.length - 1;
      truth.seconds += at - start;
    }
    return at;
  };
  t = typeLine(user, true, t + 2, 10); // "Password: "
  t = typeLine('s3cret-pw', false, t + 1.5, 420);
  for (const line of lines) t = typeLine(line, true, t + 3 + 5 * r.next(), 150 + r.int(0, 600));
  s.close(t + 2);
  truth.cpm = (60 * truth.intervals) / truth.seconds;
  return truth;
}
