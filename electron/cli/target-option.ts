import { TargetKind, type Target } from '../../shared/domain/bookmarks';
import { CliError } from './cli-error';

/** `KIND:KEY` on the command line (flow:42, host:10.0.0.5, host:2001:db8::1, finding:3): the kind is before the first colon. */
export function targetOption(text: string, option: string): Target {
  const at = text.indexOf(':');
  const kind = TargetKind.safeParse(at < 0 ? '' : text.slice(0, at));
  const key = at < 0 ? '' : text.slice(at + 1).trim();
  if (!kind.success || key === '') throw new CliError(`${option} must be KIND:KEY with KIND flow, host or finding (e.g. flow:42, host:10.0.0.5), not ${JSON.stringify(text)}`, 2);
  return { kind: kind.data, key };
}
