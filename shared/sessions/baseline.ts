import type { SessionAttributes, SessionVerdict } from './record';

/**
 * The rule baseline: used whenever the case has no trained session model, so
 * every result can be traced to written-down rules rather than to a model of
 * unknown provenance. README.md documents the same table; the UI shows it.
 *
 * Five indicators of suspicious behaviour are checked; a session is Suspicious
 * when two or more fire. Confidence grows with the distance from that
 * threshold (see CONFIDENCE).
 */
export const BASELINE_ID = 'baseline:rules-v1';

/** More commands per minute than this is a burst (the duration counts as at least one minute). */
export const BURST_COMMANDS_PER_MINUTE = 10;
export const MACHINE_TYPING_WPM = 100;
export const FAILED_LOGINS_THRESHOLD = 3;
export const NIGHT_LAST_HOUR = 5;
export const SUSPICIOUS_AT = 2;

export interface Indicator {
  id: string;
  condition: string;
  why: string;
  fires(a: SessionAttributes): boolean;
}

export function commandsPerMinute(a: Pick<SessionAttributes, 'commandsCount' | 'sessionDuration'>): number {
  return a.commandsCount / Math.max(a.sessionDuration, 1);
}

export const INDICATORS: readonly Indicator[] = [
  {
    id: 'night-login',
    condition: `login hour 0–${NIGHT_LAST_HOUR}`,
    why: 'logins in the small hours fall outside anyone’s working day',
    fires: (a) => a.loginHour <= NIGHT_LAST_HOUR,
  },
  {
    id: 'failed-logins',
    condition: `${FAILED_LOGINS_THRESHOLD} or more failed logins`,
    why: 'repeated failures before a success suggest password guessing',
    fires: (a) => a.failedLogins >= FAILED_LOGINS_THRESHOLD,
  },
  {
    id: 'anonymising-protocol',
    condition: 'protocol TOR',
    why: 'the session hides where it comes from',
    fires: (a) => a.protocol === 'TOR',
  },
  {
    id: 'machine-typing',
    condition: `typing speed above ${MACHINE_TYPING_WPM} wpm`,
    why: 'people rarely sustain that speed; scripts and pasted input do',
    fires: (a) => a.typingSpeed > MACHINE_TYPING_WPM,
  },
  {
    id: 'command-burst',
    condition: `more than ${BURST_COMMANDS_PER_MINUTE} commands per minute (commands ÷ max(duration, 1 min))`,
    why: 'bursts of commands suggest automation',
    fires: (a) => commandsPerMinute(a) > BURST_COMMANDS_PER_MINUTE,
  },
];

/** Confidence by the number of indicators that fired: 0–1 give Normal, 2–5 Suspicious. */
export const CONFIDENCE: readonly { fired: number; prediction: SessionVerdict; confidence: number }[] = [
  { fired: 0, prediction: 'Normal', confidence: 0.9 },
  { fired: 1, prediction: 'Normal', confidence: 0.6 },
  { fired: 2, prediction: 'Suspicious', confidence: 0.6 },
  { fired: 3, prediction: 'Suspicious', confidence: 0.7 },
  { fired: 4, prediction: 'Suspicious', confidence: 0.8 },
  { fired: 5, prediction: 'Suspicious', confidence: 0.9 },
];

export interface Verdict {
  prediction: SessionVerdict;
  confidence: number;
  /** Which classifier decided: BASELINE_ID or `model:<id>`. */
  classifier: string;
  /** Why, in words: the indicators that fired, or the model's probability. */
  reason: string;
}

export function baselineVerdict(a: SessionAttributes): Verdict {
  const fired = INDICATORS.filter((i) => i.fires(a)).map((i) => i.id);
  const row = CONFIDENCE[fired.length];
  return { prediction: row.prediction, confidence: row.confidence, classifier: BASELINE_ID, reason: fired.length ? fired.join(', ') : 'no indicator' };
}
