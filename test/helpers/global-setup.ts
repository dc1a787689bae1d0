/**
 * Runs once before all test files: makes sure the migrated template database exists so
 * each integration file can clone its own database from it (see test/helpers/db.ts).
 * Pure unit runs pay only a quick connection check.
 */
import { prepareTemplateDatabase } from './db.ts';

export default async function setup(): Promise<void> {
  await prepareTemplateDatabase();
}
