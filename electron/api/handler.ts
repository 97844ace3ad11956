import type { CallName, CallOutput, CallParsed } from '../../shared/contract/calls';
import type { Session } from './session';

/** A handler is a plain function of the parsed input and the session: tests call it directly. */
export type Handler<C extends CallName> = (input: CallParsed<C>, session: Session) => Promise<CallOutput<C>> | CallOutput<C>;

export type Handlers = { [C in CallName]: Handler<C> };

export type HandlerGroup<K extends CallName> = { [C in K]: Handler<C> };
