// Prometheus metrics: requests, tokens minted by role, refusals by reason (and the process's own).
import { Counter, collectDefaultMetrics, Registry } from 'prom-client';

export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'confab_' });
  return {
    registry,
    requests: new Counter({
      name: 'confab_http_requests_total',
      help: 'HTTP requests',
      labelNames: ['route', 'method', 'status'],
      registers: [registry],
    }),
    tokens: new Counter({ name: 'confab_tokens_minted_total', help: 'LiveKit tokens minted', labelNames: ['role'], registers: [registry] }),
    knocks: new Counter({ name: 'confab_lobby_knocks_total', help: 'Guests who waited in a lobby', registers: [registry] }),
    refusals: new Counter({
      name: 'confab_refusals_total',
      help: 'Requests refused, by reason',
      labelNames: ['reason'],
      registers: [registry],
    }),
  };
}
