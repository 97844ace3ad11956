import type { IndexedPacket } from '../flows/packet-index';

/**
 * What a connection's packet timing says about the person at the keyboard,
 * from the packet index alone (times, frame lengths, directions), so it works
 * on encrypted SSH as on Telnet.
 *
 * - A client packet's payload is its frame length minus the connection's
 *   smallest client frame after the handshake (a bare ACK has the same headers).
 * - Keystroke: a client packet of 1–KEYSTROKE_MAX_PAYLOAD payload bytes (one
 *   character in Telnet, one SSH channel-data packet of 36–64 bytes).
 * - Command: a run of keystrokes; a pause longer than COMMAND_GAP seconds ends it.
 * - Typing speed: keystrokes ÷ 5 characters a word ÷ the minutes spent inside runs.
 * Line-based protocols (FTP) send whole command lines: each client payload packet
 * is one command, and typing speed cannot be measured (0).
 */
export const KEYSTROKE_MAX_PAYLOAD = 100;
export const COMMAND_GAP = 2;
export const CHARS_PER_WORD = 5;

export interface InteractiveTiming {
  /** Client packets that carry data. */
  clientPayloadPackets: number;
  keystrokes: number;
  commands: number;
  /** Words per minute, 0 when nothing was typed character by character. */
  typingSpeed: number;
}

export function interactiveTiming(packets: readonly IndexedPacket[], lineBased: boolean): InteractiveTiming {
  const client = packets.filter((p) => !p.fromDestination);
  // The first packet is the SYN, whose options make it longer than a bare ACK.
  const bare = Math.min(...client.slice(1).map((p) => p.wirelen));
  const payloads = client.slice(1).filter((p) => p.wirelen > bare);
  if (lineBased) return { clientPayloadPackets: payloads.length, keystrokes: 0, commands: payloads.length, typingSpeed: 0 };
  const keys = payloads.filter((p) => p.wirelen - bare <= KEYSTROKE_MAX_PAYLOAD).map((p) => p.us / 1e6);
  let commands = 0;
  let typingSeconds = 0;
  for (let i = 0; i < keys.length; i++) {
    const gap = i === 0 ? Infinity : keys[i] - keys[i - 1];
    if (gap > COMMAND_GAP) commands++;
    else typingSeconds += gap;
  }
  const typingSpeed = typingSeconds > 0 ? Math.round((10 * (keys.length - commands) * 60) / CHARS_PER_WORD / typingSeconds) / 10 : 0;
  return { clientPayloadPackets: payloads.length, keystrokes: keys.length, commands, typingSpeed };
}
