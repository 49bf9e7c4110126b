import assert from 'node:assert/strict';
import { safeNext } from './LoginPage';

const ORIGIN = 'http://localhost:4000';
const next = (value: string) => safeNext(`?weiter=${value}`, ORIGIN);

test('keeps paths of this app, with query and fragment', () => {
  assert.equal(next('/bearbeiten'), '/bearbeiten');
  assert.equal(next(encodeURIComponent('/bearbeiten?bereich=traeger&id=3#form')), '/bearbeiten?bereich=traeger&id=3#form');
  assert.equal(safeNext('', ORIGIN), '/bearbeiten');
});

test('never leaves the site, also after the browser drops tabs and newlines', () => {
  for (const hostile of ['//evil.example', '/%09/evil.example', '/%0A/evil.example', '/%0D/evil.example', '/%5Cevil.example', '%5C%5Cevil.example',
    'https://evil.example', '/\\evil.example', 'javascript:alert(1)', '/%00/evil.example', '%09//evil.example', '/%7F/evil.example']) {
    const result = next(hostile);
    assert.equal(result, '/bearbeiten', `${hostile} → ${result}`);
    // what the browser would make of it stays on this origin
    assert.equal(new URL(result, ORIGIN).origin, ORIGIN);
  }
});
