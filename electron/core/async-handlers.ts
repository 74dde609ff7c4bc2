import type { CommandName } from '../../shared/commands';
import { centralHandlers, type CentralCommandName } from './central/handlers';
import type { AsyncHandler, AsyncHandlerMap } from './context';
import { syncAsyncHandlers } from './sync/handlers';

/** Commands whose handler awaits (the central store, the central's address); see `AsyncHandler`. */
export type AsyncCommandName = CentralCommandName | 'sync.enroll';

export const asyncHandlers: AsyncHandlerMap<AsyncCommandName> = {
  ...centralHandlers,
  ...syncAsyncHandlers,
};

export function isAsyncCommand(name: string): name is AsyncCommandName {
  return Object.prototype.hasOwnProperty.call(asyncHandlers, name);
}

export function asyncHandlerOf(name: CommandName): AsyncHandler<AsyncCommandName> | null {
  return isAsyncCommand(name) ? (asyncHandlers[name] as AsyncHandler<AsyncCommandName>) : null;
}
