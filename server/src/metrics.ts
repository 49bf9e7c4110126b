import type { ReplicaStatus } from '@sozialatlas/db';
import { Registry, collectDefaultMetrics, Histogram, Counter, Gauge } from 'prom-client';

/** Prometheus metrics at /metrics: process defaults, HTTP latency, GraphQL operations and errors. */
export function createMetrics(replicas?: { status(): ReplicaStatus[] }) {
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
  const compiledReads = new Counter({
    name: 'sozialatlas_graphql_compiled_reads_total',
    help: 'Compiled GraphQL queries: answered by one SQL statement (compiled), or run ordinarily because a precondition failed (precondition) or the statement failed (failed)',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  if (replicas) {
    new Gauge({
      name: 'sozialatlas_db_replica_healthy',
      help: 'Read replica in use (1) or taken out (0), by replica',
      labelNames: ['replica'] as const,
      registers: [registry],
      collect() {
        for (const r of replicas.status()) this.set({ replica: r.name }, r.healthy ? 1 : 0);
      },
    });
    new Gauge({
      name: 'sozialatlas_db_replica_lag_seconds',
      help: 'How far a read replica is behind the primary at most (last check), by replica',
      labelNames: ['replica'] as const,
      registers: [registry],
      collect() {
        this.reset();
        for (const r of replicas.status()) if (r.lagSeconds !== null) this.set({ replica: r.name }, r.lagSeconds);
      },
    });
  }
  return { registry, httpDuration, graphqlOperations, compiledReads };
}

export type Metrics = ReturnType<typeof createMetrics>;
