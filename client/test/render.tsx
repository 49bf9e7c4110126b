// Rendering helpers for the component tests: the i18n context, and a urql client whose answers
// are given per operation name (wonka sources: a value = answered, never = still loading).
import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { Provider, type Client, type OperationResult } from 'urql';
import { fromValue, merge, never, type Source } from 'wonka';
import { getOperationAST, type DocumentNode } from 'graphql';
import { I18nProvider } from '../src/app/i18n';
import type { Locale } from '../src/lib/format';

export function renderIn(ui: ReactElement, locale: Locale = 'de') {
  return render(<I18nProvider locale={locale}>{ui}</I18nProvider>);
}

type Answer = Partial<OperationResult> | ((variables: Record<string, unknown>) => Partial<OperationResult>) | 'loading';

/**
 * A stand-in for the urql client: `answers` maps an operation name to its result. Every request
 * is recorded (name and variables); an operation without an answer stays loading.
 */
export function mockClient(answers: Record<string, Answer>) {
  const requests: { name: string; variables: Record<string, unknown> }[] = [];
  const executeQuery = jest.fn(({ query, variables }: { query: DocumentNode; variables: Record<string, unknown> }): Source<Partial<OperationResult>> => {
    const name = getOperationAST(query)?.name?.value ?? '';
    requests.push({ name, variables });
    const answer = answers[name];
    if (answer === undefined || answer === 'loading') return never;
    // like the real client's sources, stay open after the result (urql resets a query whose
    // source ends, which would drop its error)
    return merge([fromValue(typeof answer === 'function' ? answer(variables) : answer), never]);
  });
  // client.query(…).toPromise(), as the paging hooks use it
  const query = jest.fn((document: DocumentNode, variables: Record<string, unknown>) => {
    const name = getOperationAST(document)?.name?.value ?? '';
    requests.push({ name, variables });
    const answer = answers[name];
    const result = answer === undefined || answer === 'loading' ? new Promise<never>(() => {}) : Promise.resolve(typeof answer === 'function' ? answer(variables) : answer);
    return { toPromise: () => result };
  });
  const client = { executeQuery, query, executeMutation: jest.fn(() => never), executeSubscription: jest.fn(() => never) } as unknown as Client;
  return { client, requests };
}

export function renderWithClient(ui: ReactElement, client: Client, locale: Locale = 'de') {
  return render(
    <Provider value={client}>
      <I18nProvider locale={locale}>{ui}</I18nProvider>
    </Provider>,
  );
}
