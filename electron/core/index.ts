export { Core, type CoreOptions } from './core';
export { dispatch, toAppError, type CallMeta, type CallResult, type SessionChange } from './dispatch';
