import { Registry, collectDefaultMetrics, Histogram, Counter } from 'prom-client';

/** Prometheus metrics at /metrics: process defaults, HTTP latency, GraphQL operations and errors. */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'sozialatlas_' });
  const httpDuration = new Histogram({
    name: 'sozialatlas_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const graphqlOperations = new Counter({
    name: 'sozialatlas_graphql_operations_total',
    help: 'GraphQL operations by name and outcome',
    labelNames: ['operation', 'outcome'] as const,
    registers: [registry],
  });
  return { registry, httpDuration, graphqlOperations };
}

export type Metrics = ReturnType<typeof createMetrics>;
