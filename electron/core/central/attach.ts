import { ruleViolation } from '../../../shared/errors';
import type { Core } from '../core';
import type { CentralStore } from './store';

/**
 * The central store that `serve --central` opened next to the central's own database (its
 * accounts, sessions and audit trail). The central's commands reach the store through here; an
 * office has none, and a central command sent to it is refused in words.
 */
const stores = new WeakMap<Core, CentralStore>();

export function attachCentralStore(core: Core, store: CentralStore): void {
  stores.set(core, store);
}

export function detachCentralStore(core: Core): void {
  stores.delete(core);
}

export function centralStoreOf(core: Core): CentralStore {
  const store = stores.get(core);
  if (!store) throw ruleViolation('Ini bukan server pusat: halaman Kantor hanya ada di server pusat (kinerja serve --central).');
  return store;
}

export function isCentral(core: Core): boolean {
  return stores.has(core);
}
