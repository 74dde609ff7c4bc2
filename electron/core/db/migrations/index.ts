import { foundation } from './0001_foundation';
import type { Migration } from './types';

/** In order. Never edit a released migration: add the next one. */
export const migrations: Migration[] = [foundation];

export const latestSchemaVersion = (): number => migrations.reduce((max, m) => Math.max(max, m.version), 0);
