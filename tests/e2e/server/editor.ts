/**
 * The database every test file's own server (own-server.ts) starts from: the report's data and one
 * editor's account, made once per run while the apps build (playwright.config.ts) and copied for
 * each file, instead of each file creating its database and its editor anew (two starts of PGlite,
 * 10 s of a worker).
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const EDITOR = 'e2e-editor';
export const PASSWORD = 'browser-tests-editor-password';

/** Where the run serving the data service's build on `serverPort` keeps that database. */
export const templateDir = (serverPort: number) => join(tmpdir(), `beibei-e2e-db-template-${serverPort}`);
