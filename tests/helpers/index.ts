export * from './clock';
export * from './tempdir';
export * from './office';
export * from './users';
export * from './db';
export * from './server';
export * from './cli';
export * from './skp';
