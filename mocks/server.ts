/**
 * The mock API over real HTTP, for running the built app against a server:
 *   PORT=8787 MOCK_SCENARIO=slow npm run mock-api
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { getResponse } from 'msw';
import { READ_ACCESS_HEADER } from '../src/api/access';
import { DATA_VERSION_HEADER } from '../src/api/client';
import { handlers } from './handlers';
import { isScenario, scenarioHandlers } from './scenarios';

const port = Number(process.env.PORT ?? 8787);
const host = process.env.HOST ?? '127.0.0.1';
let scenario = isScenario(process.env.MOCK_SCENARIO) ? process.env.MOCK_SCENARIO : null;
let active = [...scenarioHandlers(scenario), ...handlers];

/**
 * `GET /__scenario/NAME` switches the running server to a scenario (`none` for the happy path),
 * so browser tests can inject faults into the API a built app talks to, then heal it.
 */
function switchScenario(url: URL): boolean {
  const match = /^\/__scenario\/([\w-]+)$/.exec(url.pathname);
  if (!match) return false;
  const name = match[1];
  scenario = isScenario(name) ? name : null;
  active = [...scenarioHandlers(scenario), ...handlers];
  return true;
}

const cors = {
  'Access-Control-Allow-Origin': process.env.CORS_ORIGIN ?? '*',
  'Access-Control-Allow-Methods': 'GET, OPTIONS',
  'Access-Control-Allow-Headers': 'Accept, Content-Type',
  // The data version and read access the app reads from each answer.
  'Access-Control-Expose-Headers': `${DATA_VERSION_HEADER}, ${READ_ACCESS_HEADER}`,
  'Access-Control-Max-Age': '600',
};

async function handle(req: IncomingMessage, res: ServerResponse) {
  if (req.method === 'OPTIONS') {
    res.writeHead(204, cors).end();
    return;
  }
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? `${host}:${port}`}`);
  if (switchScenario(url)) {
    res.writeHead(200, { ...cors, 'Content-Type': 'application/json' }).end(JSON.stringify({ scenario }));
    return;
  }
  const request = new Request(url, { method: req.method ?? 'GET', headers: { accept: 'application/json' } });
  const response = await getResponse(active, request);
  if (!response || response.type === 'error') {
    if (response?.type === 'error') {
      req.socket.destroy();
      return;
    }
    res
      .writeHead(404, { ...cors, 'Content-Type': 'application/json' })
      .end(JSON.stringify({ error: 'not_found', message: url.pathname }));
    return;
  }
  const headers: Record<string, string> = { ...cors, Vary: 'Accept-Encoding' };
  response.headers.forEach((value, key) => {
    headers[key] = value;
  });
  let body = Buffer.from(await response.arrayBuffer());
  // Compressed as any production server would serve JSON (a page of projects: 31 KB → 4 KB).
  if (body.length > 1024 && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
    body = gzipSync(body);
    headers['content-encoding'] = 'gzip';
    delete headers['content-length'];
  }
  res.writeHead(response.status, headers);
  res.end(body);
}

createServer((req, res) => {
  handle(req, res).catch((error: unknown) => {
    console.error(error);
    if (!res.headersSent) res.writeHead(500, cors);
    res.end();
  });
}).listen(port, host, () => {
  console.log(`Mock API on http://${host}:${port}/api/v1${scenario ? ` (scenario: ${scenario})` : ''}`);
});
