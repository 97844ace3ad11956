import { createRequire } from 'node:module';

export interface CaptureAvailability {
  available: boolean;
  /** Why live capture cannot run here, in words a user can act on. */
  reason: string | null;
}

let cached: CaptureAvailability | null = null;

/**
 * Live capture needs the `cap` native module (libpcap). File analysis never does,
 * so a missing or broken `cap` only disables capture, with the reason.
 */
export function captureAvailability(): CaptureAvailability {
  if (cached) return cached;
  try {
    createRequire(import.meta.url)('cap');
    cached = { available: true, reason: null };
  } catch (err) {
    cached = {
      available: false,
      reason: `live capture is unavailable: the libpcap binding (cap) could not be loaded (${(err as Error).message.split('\n')[0]}). Install libpcap (Debian: apt-get install libpcap-dev) and run npm rebuild cap.`,
    };
  }
  return cached;
}
