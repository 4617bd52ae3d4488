/**
 * The data service: the dashboard and its API in one process.
 *   npm start                      build the app, then serve it with the API on http://localhost:8080
 *   DATABASE_URL=postgres://… npm run serve   the same on a PostgreSQL server
 * Configuration: PORT, HOST, DATA_DIR, DATABASE_URL, LOG_LEVEL (see README).
 */
import { serve } from '@hono/node-server';
import { pino } from 'pino';
import { ConfigError, readConfig } from './config';
import type { Config } from './config';
import { createApp } from './app';
import { openDatabase } from './db/client';
import { seedDataset } from './db/seed';
import { loadRenderer } from './render/renderer';
import type { Renderer } from './render/renderer';
import { DataService } from './service';
import { loadApp } from './static';

let config: Config;
try {
  config = readConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`Configuration error: ${error.message}\n`);
  process.exit(2);
}

// Written synchronously: the embedded database works on this thread, and a line logged just
// before a crash or a long transaction must not wait in a buffer.
const logger = pino(
  { level: config.logLevel, base: { service: 'beibei-data' } },
  pino.destination({ dest: 1, sync: true }),
);
const app = loadApp(config.distDir);
if (!app) logger.warn({ distDir: config.distDir }, 'no built app found: serving the API only (run `npm run build`)');
else if (app.mockBuild) logger.warn('dist/ is a mock build (npm run build:mock): the app will not read this server');

let renderer: Renderer | null = null;
try {
  renderer = app ? await loadRenderer(config.distDir) : null;
  if (app && !renderer)
    logger.warn({ distDir: config.distDir }, 'the build has no server renderer: pages render in the browser');
} catch (error) {
  logger.error({ err: error }, 'cannot load the server renderer: pages render in the browser');
}

const service = new DataService({
  open: () => openDatabase(config, logger),
  seed: () => seedDataset(config.seedExtraProjects),
  logger,
  pollMs: config.versionPollMs,
});

const server = serve(
  {
    fetch: createApp({ service, app, logger, readAccess: config.readAccess, renderer, warm: true }).fetch,
    port: config.port,
    hostname: config.host,
  },
  (info) => {
    const host = config.host === '127.0.0.1' || config.host === '0.0.0.0' ? 'localhost' : config.host;
    logger.info(
      { port: info.port, host: config.host, database: config.databaseUrl ? 'postgres' : config.dataDir },
      `dashboard on http://${host}:${info.port}/`,
    );
  },
);
server.on('error', (error) => {
  logger.fatal({ err: error }, 'cannot listen');
  process.exit(1);
});
void service.start();

let stopping = false;
/** Stop taking connections, let requests in flight finish (10 s at most), close the database. */
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  if ('closeIdleConnections' in server) server.closeIdleConnections();
  const deadline = setTimeout(() => {
    logger.warn('requests still running after 10 s; closing them');
    if ('closeAllConnections' in server) server.closeAllConnections();
  }, 10_000);
  deadline.unref();
  await closed;
  await service.stop();
  logger.info('stopped');
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
