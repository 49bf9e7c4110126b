// End-to-end harness: starts the built server like `npm start` does (own data folder, or its own
// database on the PostGIS server when DATABASE_URL is set) and drives Debian's Chromium.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const artifactsDir = path.join(repoRoot, 'artifacts', 'screenshots');

/** Runs one statement on the PostgreSQL server's maintenance database (create/drop test databases). */
export async function admin(serverUrl, sql) {
  const url = new URL(serverUrl);
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A place for the server's data: a fresh folder, or a fresh database on the server. */
export async function createDataPlace() {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const name = `sozialatlas_e2e_${process.pid}_${Date.now()}`;
    await admin(serverUrl, `CREATE DATABASE "${name}"`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return { env: { DATABASE_URL: url.toString() }, remove: () => admin(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'sozialatlas-e2e-'));
  return { env: { DATA_DIR: path.join(dir, 'pglite'), DATABASE_URL: '' }, remove: async () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Where `suite.mjs` (npm run test:browser) left a database with the Leipzig data, imported once per
 * run: a data folder (embedded) or a template database name (DATABASE_URL).
 */
export const SEEDED_ENV = 'SOZIALATLAS_E2E_SEEDED';

/**
 * A place that already holds the Leipzig data, as after a first `npm start`: a copy of the
 * suite's seeded folder or database, so a file's server starts without importing again. Run
 * alone (no suite), a fresh place: the server imports on its first start as usual.
 */
export async function createSeededPlace() {
  const seeded = process.env[SEEDED_ENV];
  if (!seeded) return createDataPlace();
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const name = `sozialatlas_e2e_${process.pid}_${Date.now()}`;
    await admin(serverUrl, `CREATE DATABASE "${name}" TEMPLATE "${seeded}"`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return { env: { DATABASE_URL: url.toString() }, remove: () => admin(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'sozialatlas-e2e-'));
  cpSync(seeded, path.join(dir, 'pglite'), { recursive: true });
  return { env: { DATA_DIR: path.join(dir, 'pglite'), DATABASE_URL: '' }, remove: async () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Creates an account the way an administrator does on a fresh installation: the server's
 * create-admin CLI on the same data place, before the server starts (PGlite is one connection).
 */
export async function createAccount(place, { email, password, role, name = email }) {
  const child = spawn(process.execPath, [path.join(repoRoot, 'server', 'dist', 'scripts', 'create-admin.js'), '--email', email, '--role', role, '--name', name], {
    cwd: repoRoot,
    env: { ...process.env, ...place.env, SOZIALATLAS_ADMIN_PASSWORD: password, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk.toString()));
  child.stderr.on('data', (chunk) => (output += chunk.toString()));
  const code = await new Promise((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`create-admin failed (${code}):\n${output}`);
}

/** Starts `node server/dist/index.js` on a free port; resolves once it prints its URL. */
export function startServer(place, extraEnv = {}) {
  const child = spawn(process.execPath, [path.join(repoRoot, 'server', 'dist', 'index.js')], {
    cwd: repoRoot,
    env: { ...process.env, ...place.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', RATE_LIMIT_PER_IP: '100000', ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const started = Date.now();
  const ready = new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk.toString();
      const match = /http:\/\/localhost:(\d+)\//.exec(output);
      if (match) resolve({ url: `http://127.0.0.1:${match[1]}`, startupMs: Date.now() - started });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`server exited with ${code} before it was ready:\n${output}`)));
  });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return {
    child,
    ready,
    exited,
    output: () => output,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}

export async function launchBrowser() {
  mkdirSync(artifactsDir, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    browser,
    // Playwright gives every launch a fresh, temporary profile and removes it on close.
    close: () => browser.close(),
  };
}

/**
 * Opens a page in a browser context of its own (@axe-core/playwright needs a page created via
 * browser.newContext()) that records every request to another origin (nothing may leave the
 * machine). Closing the page closes its context.
 */
export async function openPage(browser, baseUrl) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const foreignRequests = [];
  const origin = new URL(baseUrl).origin;
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreignRequests.push(url);
  });
  page.on('close', () => context.close().catch(() => {}));
  return { page, foreignRequests, context };
}

/** The text of each page of a PDF (pdf.js, Mozilla's reader), with runs of white space collapsed. */
export async function pdfPages(buffer) {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await getDocument({ data: new Uint8Array(buffer), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => item.str + (item.hasEOL ? '\n' : '')).join('').replace(/[ \t]+/g, ' '));
  }
  await pdf.destroy();
  return pages;
}

export async function graphql(baseUrl, query, variables) {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return response.json();
}

/** Waits until MapLibre has drawn everything it has. */
export async function idle(page) {
  await page.waitForFunction(() => window.__sozialatlasMap?.loaded() && window.__sozialatlasMap.getSource('areas'));
  await page.evaluate(
    () =>
      new Promise((resolve) => {
        const map = window.__sozialatlasMap;
        map.once('idle', resolve);
        map.triggerRepaint();
      }),
  );
}

/**
 * Colours at the given [lon, lat] points, read from the WebGL canvas. The district names sit on
 * the label points: they are hidden while reading, so the fill colour is what is read.
 */
export async function coloursAt(page, points) {
  return page.evaluate(async (pts) => {
    const map = window.__sozialatlasMap;
    const redraw = () => new Promise((resolve) => {
      map.once('idle', resolve);
      map.triggerRepaint();
    });
    const labels = map.getLayer('area-labels') && map.getLayoutProperty('area-labels', 'visibility') !== 'none';
    if (labels) {
      map.setLayoutProperty('area-labels', 'visibility', 'none');
      await redraw();
    }
    const gl = map.getCanvas().getContext('webgl2');
    const ratio = window.devicePixelRatio;
    const colours = pts.map(([lon, lat]) => {
      const p = map.project([lon, lat]);
      const px = new Uint8Array(4);
      gl.readPixels(Math.round(p.x * ratio), Math.round(gl.drawingBufferHeight - p.y * ratio), 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px);
      return `${px[0]},${px[1]},${px[2]}`;
    });
    if (labels) {
      map.setLayoutProperty('area-labels', 'visibility', 'visible');
      await redraw();
    }
    return colours;
  }, points);
}

/** Distinct colours (covering at least `min` samples) on a grid over the whole canvas. */
export async function distinctColours(page, min = 20) {
  return page.evaluate((min) => {
    const canvas = window.__sozialatlasMap.getCanvas();
    const c = document.createElement('canvas');
    c.width = canvas.width;
    c.height = canvas.height;
    const ctx = c.getContext('2d');
    ctx.drawImage(canvas, 0, 0);
    const data = ctx.getImageData(0, 0, c.width, c.height).data;
    const colours = new Map();
    for (let y = 0; y < c.height; y += 7) {
      for (let x = 0; x < c.width; x += 7) {
        const i = (y * c.width + x) * 4;
        const key = `${data[i]},${data[i + 1]},${data[i + 2]}`;
        colours.set(key, (colours.get(key) ?? 0) + 1);
      }
    }
    return [...colours].filter(([, n]) => n >= min).map(([k]) => k);
  }, min);
}

/** "#e31a1c" → "227,26,28" as the canvas reports it (fill opacity 0.92 over the background). */
export function blended(hex, opacity = 0.92, background = [0xf3, 0xf1, 0xec]) {
  return [1, 3, 5].map((i, k) => Math.round(parseInt(hex.slice(i, i + 2), 16) * opacity + background[k] * (1 - opacity)));
}

/** axe-core: serious and critical violations (WCAG 2.1 A/AA) as short strings. */
export async function axeSerious(page) {
  const { AxeBuilder } = await import('@axe-core/playwright');
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

/**
 * One server (with its own data) and one browser for a whole test file: started before its first
 * test, stopped after its last. `app.url` and `app.browser` are set once the file's tests run.
 * `accounts` ({ email, password, role, name }) are created before the server starts.
 */
export function useAppServer(extraEnv = {}, { accounts = [] } = {}) {
  const app = { url: undefined, browser: undefined };
  let place;
  let server;
  let closeBrowser;
  before(async () => {
    place = await createSeededPlace();
    for (const account of accounts) await createAccount(place, account);
    server = startServer(place, extraEnv);
    ({ url: app.url } = await server.ready);
    ({ browser: app.browser, close: closeBrowser } = await launchBrowser());
  });
  after(async () => {
    await closeBrowser?.();
    await server?.stop();
    await place?.remove();
  });
  return app;
}
