import { describe, expect, it } from 'vitest';
import type { Handler } from '../electron/core/context';
import { handlers } from '../electron/core/handlers';

/*
 * The dispatcher narrows each handler's context from the command's declaration: a read command's
 * handler has no writer, a non-public command's handler has a known actor. The `@ts-expect-error`
 * lines below are the test: `npm run typecheck` fails if a read handler could reach the writer or
 * a public handler could assume an actor.
 */
export const readCannotWrite: Handler<'people.list'> = (ctx) => {
  // @ts-expect-error a read command's context has no writer
  void ctx.write;
  return { employees: [], total: 0 } as never;
};

export const authedHasActor: Handler<'people.list'> = (ctx) => {
  const officeId: string = ctx.actor.officeId;
  void officeId;
  return { employees: [], total: 0 } as never;
};

export const publicMayHaveNoActor: Handler<'setup.status'> = (ctx) => {
  // @ts-expect-error a public command's actor may be null
  void ctx.actor.officeId;
  return { initialized: false } as never;
};

export const writeHasWriter: Handler<'org.createUnit'> = (ctx) => {
  void ctx.write.insert;
  return {} as never;
};

describe('handler contexts', () => {
  it('exist for every command (the narrowed types above are checked by tsc)', () => {
    expect(Object.keys(handlers).length).toBeGreaterThan(50);
  });
});
