import type { Api, RouteKit } from '../http';

/** `/healthz`: the process runs. `/readyz`: the database answers (for a load balancer). */
export function healthRoutes(app: Api, { service }: RouteKit) {
  app.get('/healthz', (c) => c.json({ status: 'up' }, 200, { 'Cache-Control': 'no-store' }));
  app.get('/readyz', async (c) => {
    const ready = await service.ping();
    return c.json({ status: ready ? 'ready' : 'unavailable', database: service.state }, ready ? 200 : 503, {
      'Cache-Control': 'no-store',
    });
  });
}
