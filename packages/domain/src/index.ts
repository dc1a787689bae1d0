export * from './enums.ts';
export * from './errors.ts';
export * from './session.ts';
export * from './transcript.ts';
export * from './note.ts';
export * from './api.ts';
export * from './stream-token.ts';
export * from './audit.ts';
