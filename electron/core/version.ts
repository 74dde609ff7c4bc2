import pkg from '../../package.json' with { type: 'json' };
import { latestSchemaVersion } from './db/migrations';

export const appVersion: string = pkg.version;
export const schemaVersion: number = latestSchemaVersion();
