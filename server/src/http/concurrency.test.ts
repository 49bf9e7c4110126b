import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { readConfig } from '../config';
import { concurrencyLimit } from './concurrency';

// The bound on GraphQL operations executing at once: the rest wait in order, a full queue is
// refused with 503, and a slot is freed however a request ends.

function gatedServer(max: number, queue: number) {
  const gate = concurrencyLimit({ max, queue });
  const started: string[] = [];
  const finishers = new Map<string, () => void>();
  const app = express();
  app.use(gate.handler);
  app.get('/:name', (req, res) => {
    const name = req.params.name;
    started.push(name);
    finishers.set(name, () => res.send(name));
  });
  const server: Server = createServer(app);
  return { gate, started, finishers, server };
}

const until = async (condition: () => boolean) => {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 5));
  if (!condition()) throw new Error('condition not reached');
};

describe('GraphQL concurrency limit', () => {
  it('runs at most `max` at once, lets the others wait in order, refuses beyond the queue', async () => {
    const { gate, started, finishers, server } = gatedServer(1, 2);
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const a = fetch(`${url}/a`);
      await until(() => started.length === 1);
      const b = fetch(`${url}/b`);
      const c = fetch(`${url}/c`);
      await until(() => gate.state().queued === 2);
      const refused = await fetch(`${url}/d`);
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('1');
      expect(((await refused.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('SERVER_BUSY');
      expect(started).toEqual(['a']);

      finishers.get('a')!();
      expect(await (await a).text()).toBe('a');
      await until(() => started.length === 2);
      expect(started).toEqual(['a', 'b']);
      expect(gate.state()).toEqual({ active: 1, queued: 1 });
      finishers.get('b')!();
      await b;
      await until(() => started.length === 3);
      finishers.get('c')!();
      expect(await (await c).text()).toBe('c');
      await until(() => gate.state().active === 0);
      expect(gate.state()).toEqual({ active: 0, queued: 0 });
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('frees the place of a client that gives up, waiting or running', async () => {
    const { gate, started, finishers, server } = gatedServer(1, 5);
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const running = new AbortController();
      const waiting = new AbortController();
      const a = fetch(`${url}/a`, { signal: running.signal }).catch(() => 'aborted');
      await until(() => started.length === 1);
      const b = fetch(`${url}/b`, { signal: waiting.signal }).catch(() => 'aborted');
      await until(() => gate.state().queued === 1);
      waiting.abort();
      expect(await b).toBe('aborted');
      await until(() => gate.state().queued === 0);
      running.abort();
      expect(await a).toBe('aborted');
      await until(() => gate.state().active === 0);
      const c = fetch(`${url}/c`);
      await until(() => started.includes('c'));
      expect(started).toEqual(['a', 'c']);
      finishers.get('c')!();
      expect(await (await c).text()).toBe('c');
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('is configured by GRAPHQL_MAX_CONCURRENT and GRAPHQL_MAX_QUEUE', () => {
    expect(readConfig({}).graphqlConcurrency).toEqual({ max: 10, queue: 1000 });
    expect(readConfig({ GRAPHQL_MAX_CONCURRENT: '4', GRAPHQL_MAX_QUEUE: '50' }).graphqlConcurrency).toEqual({ max: 4, queue: 50 });
    expect(() => readConfig({ GRAPHQL_MAX_CONCURRENT: '0' })).toThrow('GRAPHQL_MAX_CONCURRENT must be a positive integer');
  });
});
