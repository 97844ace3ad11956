import { FilterError } from '../../shared/filter';
import type { CaseDb } from '../cases/case-db';
import { filterSelection } from '../investigate/filter-selection';
import type { FlowSelection } from '../investigate/flow-selection';
import { CliError } from './cli-error';
import { filterCaret } from './filter-caret';

/** `--filter EXPR` as a selection; a bad filter exits 2 with the message and a caret under the token, as tshark -Y does. */
export function filterOption(text: string, db: CaseDb): FlowSelection {
  try {
    return filterSelection(text, db);
  } catch (err) {
    if (err instanceof FilterError) throw new CliError(`--filter: ${err.message}\n${filterCaret(text, err.position, err.length)}`, 2);
    throw err;
  }
}
