import { AsyncResource } from 'node:async_hooks';
import type { RequestHandler } from 'express';

// A bound on GraphQL operations executing at once (docs/operations.md, "Load"). Beyond it requests
// wait in a first-come queue instead of all running together: 50 concurrent clients of a large
// nested query otherwise hold 50 result trees, DataLoader caches and response strings in memory at
// once (measured: 1.6 GB RSS at c = 50 against 0.7 GB with the bound). The database pool (10)
// serialises them anyway. A full queue answers 503 SERVER_BUSY at once, with Retry-After.

export interface ConcurrencyLimit {
  /** GRAPHQL_MAX_CONCURRENT: operations executing at once */
  max: number;
  /** GRAPHQL_MAX_QUEUE: requests waiting for a turn; beyond it 503 */
  queue: number;
}

export interface ConcurrencyGate {
  handler: RequestHandler;
  /** executing and waiting requests now (for metrics and tests) */
  state(): { active: number; queued: number };
}

export function concurrencyLimit({ max, queue }: ConcurrencyLimit): ConcurrencyGate {
  let active = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next(); // the slot passes straight to the next in line
    else active--;
  };
  const handler: RequestHandler = (req, res, next) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      release();
    };
    const start = () => {
      res.once('close', finish); // sent, failed or the client went away: the slot is free again
      next();
    };
    if (active < max) {
      active++;
      start();
      return;
    }
    if (waiting.length >= queue) {
      res.setHeader('Retry-After', '1');
      res.status(503).json({
        errors: [{ message: 'Der Server ist ausgelastet, bitte gleich noch einmal versuchen. (Server busy, please retry.)', extensions: { code: 'SERVER_BUSY' } }],
      });
      return;
    }
    // bound to this request's async context: it runs from another request's 'close' event
    const turn = AsyncResource.bind(() => {
      res.off('close', leave);
      start();
    });
    // a client that gives up while waiting leaves the queue
    const leave = () => {
      const at = waiting.indexOf(turn);
      if (at >= 0) waiting.splice(at, 1);
    };
    res.once('close', leave);
    waiting.push(turn);
  };
  return { handler, state: () => ({ active, queued: waiting.length }) };
}
