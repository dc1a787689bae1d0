export * from './names.ts';
export * from './connection.ts';
export * from './events.ts';
export * from './stats.ts';
