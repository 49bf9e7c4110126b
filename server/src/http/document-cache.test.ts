import { parse } from 'graphql';
import { DocumentCache, variablesKey } from './document-cache';

describe('DocumentCache', () => {
  it('computes an entry once per document and key', () => {
    const cache = new DocumentCache<number>();
    const a = parse('{ a }');
    const b = parse('{ a }');
    let computed = 0;
    const next = () => ++computed;
    expect(cache.get(a, 'k', next)).toBe(1);
    expect(cache.get(a, 'k', next)).toBe(1);
    expect(cache.get(a, 'other', next)).toBe(2);
    // another parse of the same text is another document: its own entries
    expect(cache.get(b, 'k', next)).toBe(3);
    expect(computed).toBe(3);
  });

  it('keeps at most the given number of variants per document, dropping the oldest', () => {
    const cache = new DocumentCache<string>(2);
    const document = parse('{ a }');
    cache.get(document, 'one', () => '1');
    cache.get(document, 'two', () => '2');
    cache.get(document, 'three', () => '3');
    expect(cache.get(document, 'two', () => 'again')).toBe('2');
    expect(cache.get(document, 'one', () => 'again')).toBe('again');
  });

  it('stores nothing when the computation throws', () => {
    const cache = new DocumentCache<number>();
    const document = parse('{ a }');
    expect(() => cache.get(document, 'k', () => { throw new Error('bad variables'); })).toThrow('bad variables');
    expect(cache.get(document, 'k', () => 7)).toBe(7);
  });

  it('keys by operation name and variables', () => {
    expect(variablesKey('A', { n: 1 })).toBe(variablesKey('A', { n: 1 }));
    expect(variablesKey('A', { n: 1 })).not.toBe(variablesKey('A', { n: 2 }));
    expect(variablesKey('A', {})).not.toBe(variablesKey('B', {}));
    expect(variablesKey(undefined, undefined)).toBe(variablesKey(null, {}));
  });
});
