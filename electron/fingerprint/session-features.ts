import { commandsPerMinute } from '../../shared/sessions/baseline';
import { SESSION_PROTOCOLS, type SessionAttributes } from '../../shared/sessions/record';

/**
 * The numeric features a session model sees. The hour is placed on a circle
 * (23:00 is next to 00:00); counts and speeds are log-scaled so a few extreme
 * sessions do not dominate; the protocol is one-hot.
 */
export const SESSION_FEATURES: readonly string[] = [
  'hour_sin',
  'hour_cos',
  'log_duration',
  'log_commands',
  'log_failed_logins',
  'log_typing_speed',
  'log_commands_per_minute',
  ...SESSION_PROTOCOLS.map((p) => `protocol_${p}`),
];

export function sessionFeatures(a: SessionAttributes, out: Float64Array = new Float64Array(SESSION_FEATURES.length)): Float64Array {
  const angle = (2 * Math.PI * a.loginHour) / 24;
  out[0] = Math.sin(angle);
  out[1] = Math.cos(angle);
  out[2] = Math.log1p(a.sessionDuration);
  out[3] = Math.log1p(a.commandsCount);
  out[4] = Math.log1p(a.failedLogins);
  out[5] = Math.log1p(a.typingSpeed);
  out[6] = Math.log1p(commandsPerMinute(a));
  for (let p = 0; p < SESSION_PROTOCOLS.length; p++) out[7 + p] = a.protocol === SESSION_PROTOCOLS[p] ? 1 : 0;
  return out;
}
