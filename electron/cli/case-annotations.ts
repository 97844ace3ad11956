import { CliError } from './cli-error';

export function formatOption(format: string): 'text' | 'jsonl' {
  if (format !== 'text' && format !== 'jsonl') throw new CliError(`--format must be text or jsonl, not ${JSON.stringify(format)}`, 2);
  return format;
}

export const isoTime = (seconds: number) => new Date(seconds * 1000).toISOString();
