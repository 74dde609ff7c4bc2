/** A migration is plain SQL (static, bundle-safe) applied inside its own transaction. */
export interface Migration {
  version: number;
  name: string;
  up: string;
}
