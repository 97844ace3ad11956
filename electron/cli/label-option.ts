import { labelProblem } from '../../shared/labels/label-path';
import { CliError } from './cli-error';

/** A label given on the command line, checked as the contract checks it (exit 2 with the reason). */
export function labelOption(text: string, option = '--label'): string {
  const problem = labelProblem(text);
  if (problem) throw new CliError(`${option}: ${problem}`, 2);
  return text;
}
