import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PrismaClient } from '@sozialatlas/db';
import express from 'express';
import { GraphQLError } from 'graphql';
import { AnalysisInputError } from './analysis';
import { BadUserInputError } from './errors';
import { formatError } from './http/graphql';
import { InputError, problem } from './input-error';
import { exportRouter } from './modules/exports/export.router';
import { InputValidationError } from './modules/common/writes/validation';
import { ogcRouter } from './modules/ogc/ogc.router';

// The one input-error type and how each transport answers it. The routers are called with values
// they refuse before touching the database, so no database is needed.

const problems = [problem('name', 'REQUIRED', 'Name fehlt.'), problem('year', 'OUT_OF_RANGE', 'Jahr 1800 liegt vor 1990.')];
const silent = { error: () => undefined } as unknown as Parameters<typeof formatError>[1];

/** What Apollo hands formatError for an error thrown in a resolver. */
function fromResolver(error: Error) {
  const wrapped = new GraphQLError(error.message, { path: ['needIndex'], originalError: error });
  return formatError(false, silent)({ message: error.message, path: ['needIndex'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }, wrapped);
}

describe('InputError', () => {
  it('is the type behind every bad-input error', () => {
    expect(new BadUserInputError('span must be 1–20 years', 'span')).toBeInstanceOf(InputError);
    expect(new InputValidationError(problems)).toBeInstanceOf(InputError);
    expect(new AnalysisInputError('must be > 0', 'indicators[0].weight')).toBeInstanceOf(InputError);
    expect(() => new InputError([])).toThrow(TypeError);
  });

  it('GraphQL: BAD_USER_INPUT with the first field as argument and every problem', () => {
    expect(fromResolver(new InputValidationError(problems))).toEqual({
      message: 'Eingaben prüfen: Name fehlt. Jahr 1800 liegt vor 1990.',
      path: ['needIndex'],
      extensions: { code: 'BAD_USER_INPUT', argument: 'name', reason: 'REQUIRED', problems },
    });
    // the pure analyses' error keeps its field-prefixed message
    expect(fromResolver(new AnalysisInputError('must be > 0', 'indicators[0].weight'))).toMatchObject({
      message: 'indicators[0].weight: must be > 0',
      extensions: { code: 'BAD_USER_INPUT', argument: 'indicators[0].weight' },
    });
  });

  it('GraphQL: any other error stays masked', () => {
    expect(fromResolver(new Error('select * from secret'))).toEqual({
      message: 'Internal server error',
      path: ['needIndex'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  describe('HTTP routers', () => {
    const app = express();
    const noDatabase = {} as PrismaClient;
    app.use('/ogc', ogcRouter(noDatabase));
    app.use('/export', exportRouter(noDatabase));
    let server: Server;
    beforeAll(() => new Promise<void>((done) => { server = app.listen(0, '127.0.0.1', () => done()); }));
    afterAll(() => new Promise<void>((done) => server.close(() => done())));
    const base = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    it('OGC API: 400 InvalidParameterValue naming the parameter, with the problems', async () => {
      const res = await fetch(`${base()}/ogc/?f=xml`);
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({
        code: 'InvalidParameterValue',
        description: 'f must be one of json',
        parameter: 'f',
        problems: [{ field: 'f', reason: 'INVALID', message: 'f must be one of json' }],
      });
    });

    it('export: 400 naming the parameter, with the problems', async () => {
      const res = await fetch(`${base()}/export/areas.csv?level=NOPE&indicators=sgb2_rate&years=2022`);
      expect(res.status).toBe(400);
      const body = await res.json();
      expect(body).toEqual({ error: expect.stringMatching(/^level must be one of /), parameter: 'level', problems: [expect.objectContaining({ field: 'level', reason: 'INVALID' })] });
    });
  });
});
