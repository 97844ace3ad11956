import { createContext, useContext } from 'react';
import { callMutates, type CallName } from '../../shared/contract/calls';

/** Whether the open case is read-only; provided by the workbench around every view. */
export const ReadOnlyContext = createContext(false);

/** Whether the open case is read-only (for views that show, rather than disable, what depends on it). */
export function useReadOnly(): boolean {
  return useContext(ReadOnlyContext);
}

export interface Writable {
  /** The call would be refused: the case is read-only and the call changes it. */
  disabled: boolean;
  /** Why, for the control's tooltip (undefined when it is allowed). */
  why: string | undefined;
}

/**
 * Whether a control that makes `call` can act on the open case. The answer comes
 * from the contract's `mutates` flag, the same one the main process refuses by,
 * so a button is never offered for a call that would answer `read_only`.
 */
export function useWritable(call: CallName, action: string): Writable {
  const disabled = useReadOnly() && callMutates(call);
  return { disabled, why: disabled ? `This case is open read-only: open it writable to ${action}.` : undefined };
}
