import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readConfig } from '../config';
import { documentId, loadTrustedDocuments, trustedDocumentsFrom } from './trusted-documents';

const PROFILE = 'query Profile($id: Int!) { area(id: $id) { __typename id name parent { __typename name } } }';

describe('trusted documents list', () => {
  it('gives one id to the same document however it is spelled', () => {
    const reformatted = `
      # comment
      query Profile($id: Int!) {
        area(id: $id) { name id __typename parent { name __typename } }
      }`;
    expect(documentId(reformatted)).toBe(documentId(PROFILE));
    expect(documentId(PROFILE)).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(documentId('query Profile($id: Int!) { area(id: $id) { id name } }')).not.toBe(documentId(PROFILE));
    expect(documentId('query {')).toBeNull();
  });

  it('finds a document by its hash, with or without the sha256: prefix, and by its text', () => {
    const id = documentId(PROFILE)!;
    const documents = trustedDocumentsFrom({ [id]: PROFILE });
    expect(documents.byHash(id)).toBe(PROFILE);
    expect(documents.byHash(id.slice('sha256:'.length))).toBe(PROFILE);
    expect(documents.byHash(`sha256:${'0'.repeat(64)}`)).toBeUndefined();
    expect(documents.includesText(PROFILE.replace(/ /g, '  '))).toBe(true);
    expect(documents.includesText('query Profile($id: Int!) { area(id: $id) { __typename id name code parent { __typename name } } }')).toBe(false);
    expect(documents.includesText('{ __schema { types { name } } }')).toBe(false);
  });

  it('refuses a list whose documents do not hash to their keys', () => {
    const id = documentId(PROFILE)!;
    expect(() => trustedDocumentsFrom({ [id]: '{ users { email } }' })).toThrow(/does not have that hash/);
  });

  it('is off by default; enforcing it without a list stops the start with a clear message', () => {
    const config = readConfig({});
    expect(config.trustedDocuments.enforce).toBe(false);
    expect(config.trustedDocuments.file).toBe(path.join(config.clientDir, 'trusted-documents.json'));
    expect(readConfig({ TRUSTED_DOCUMENTS: 'true' }).trustedDocuments.enforce).toBe(true);
    expect(() => readConfig({ TRUSTED_DOCUMENTS: 'yes' })).toThrow('TRUSTED_DOCUMENTS must be "true" or "false"');

    const missing = path.join(mkdtempSync(path.join(tmpdir(), 'trusted-')), 'none.json');
    expect(loadTrustedDocuments({ enforce: false, file: missing })).toBeNull();
    expect(() => loadTrustedDocuments({ enforce: true, file: missing })).toThrow(/build the map client/);

    const file = path.join(path.dirname(missing), 'list.json');
    writeFileSync(file, JSON.stringify({ [documentId(PROFILE)!]: PROFILE }));
    expect(loadTrustedDocuments({ enforce: true, file })?.size).toBe(1);
  });
});
