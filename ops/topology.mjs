// A production-like topology on one machine, on loopback only (docs/operations.md): a private
// PostgreSQL primary and a streaming replica (initdb + pg_basebackup on free ports, never the
// machine's own cluster), API instances of the built server, and HAProxy in front.
import { spawn, execFileSync } from 'node:child_process';
import { appendFileSync, chownSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
const HAPROXY = process.env.HAPROXY ?? '/usr/sbin/haproxy';

export function requireTools() {
  const missing = [path.join(PG_BIN, 'initdb'), path.join(PG_BIN, 'pg_basebackup'), HAPROXY, path.join(repoRoot, 'server', 'dist', 'index.js')].filter(
    (file) => !existsSync(file),
  );
  if (missing.length) throw new Error(`missing ${missing.join(', ')}: apt-get install postgresql-15 postgresql-15-postgis-3 haproxy, and npm run build`);
}

/** A free TCP port on loopback (asked from the kernel). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// PostgreSQL refuses to run as root: as root (CI), its programs run as the postgres user.
const asRoot = process.getuid?.() === 0;
function pgCommand(program, args) {
  const bin = path.join(PG_BIN, program);
  return asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
}
export function pgRun(program, args) {
  const [command, argv] = pgCommand(program, args);
  return execFileSync(command, argv, { stdio: ['ignore', 'pipe', 'pipe'] }).toString();
}

/** A private cluster in a fresh folder; `settings` go into postgresql.conf. */
export class Cluster {
  constructor(dir, port) {
    this.dir = dir;
    this.port = port;
    this.log = path.join(dir, '..', `${path.basename(dir)}.log`);
  }

  url(database = 'postgres') {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  static async init(root, name, settings = {}) {
    const cluster = new Cluster(path.join(root, name), await freePort());
    pgRun('initdb', ['-D', cluster.dir, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
    cluster.configure(settings);
    return cluster;
  }

  /** A streaming replica of `primary` from a base backup (pg_basebackup -R writes standby.signal). */
  /** A cluster in an existing data folder (a restored base backup). */
  static async at(dir, settings = {}) {
    const cluster = new Cluster(dir, await freePort());
    cluster.configure(settings);
    return cluster;
  }

  static async replicaOf(primary, root, name, settings = {}) {
    const cluster = new Cluster(path.join(root, name), await freePort());
    pgRun('pg_basebackup', ['-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres', '-D', cluster.dir, '-R', '-X', 'stream', '-c', 'fast', '--no-sync']);
    cluster.configure(settings);
    return cluster;
  }

  configure(settings) {
    const lines = Object.entries({ port: this.port, listen_addresses: "'127.0.0.1'", unix_socket_directories: `'${path.dirname(this.dir)}'`, ...settings }).map(
      ([key, value]) => `${key} = ${value}`,
    );
    appendFileSync(path.join(this.dir, 'postgresql.conf'), `\n# topology test\n${lines.join('\n')}\n`);
  }

  start() {
    pgRun('pg_ctl', ['-D', this.dir, '-l', this.log, '-w', '-t', '60', 'start']);
  }

  stop(mode = 'fast') {
    pgRun('pg_ctl', ['-D', this.dir, '-m', mode, '-w', '-t', '60', 'stop']);
  }

  isRunning() {
    return existsSync(path.join(this.dir, 'postmaster.pid'));
  }

  async query(sql, params = [], database = 'postgres') {
    const client = new pg.Client({ connectionString: this.url(database) });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows;
    } finally {
      await client.end();
    }
  }
}

/** A folder the postgres user may write to (it is the one running the clusters as root). */
export function workDir(prefix) {
  return givePostgres(mkdtempSync(path.join(tmpdir(), prefix)));
}

export function givePostgres(dir) {
  mkdirSync(dir, { recursive: true });
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    chownSync(dir, uid, gid);
  }
  return dir;
}

/** `node server/dist/index.js` with the given environment; resolves when it serves. */
export function startApi(name, env) {
  const child = spawn(process.execPath, [path.join(repoRoot, 'server', 'dist', 'index.js')], {
    cwd: repoRoot,
    env: { ...process.env, HOST: '127.0.0.1', LOG_LEVEL: 'warn', RATE_LIMIT_PER_IP: '1000000', RATE_LIMIT_PER_KEY: '1000000', NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ready = new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk.toString();
      if (/is running: http:\/\/localhost:\d+\//.test(output)) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => (output += chunk.toString()));
    child.on('exit', (code, signal) => reject(new Error(`API ${name} exited (${code ?? signal}) before it was ready:\n${output.slice(-4000)}`)));
  });
  const exited = new Promise((resolve) => child.on('exit', () => resolve()));
  return { name, child, ready, exited, url: `http://127.0.0.1:${env.PORT}`, output: () => output };
}

export function createAccount(env, { email, password, role }) {
  execFileSync(process.execPath, [path.join(repoRoot, 'server', 'dist', 'scripts', 'create-admin.js'), '--email', email, '--role', role, '--name', email], {
    cwd: repoRoot,
    env: { ...process.env, ...env, SOZIALATLAS_ADMIN_PASSWORD: password, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** HAProxy in front of the instances: health checks on /readyz, failed requests retried elsewhere. */
export function startHaproxy(dir, port, backends) {
  const config = `global
  maxconn 1000
defaults
  mode http
  timeout connect 1s
  timeout client 30s
  timeout server 30s
  # a request that found a dead or dying instance is sent to another one
  retries 3
  option redispatch 1
  retry-on conn-failure empty-response response-timeout 502 503
frontend api
  bind 127.0.0.1:${port}
  default_backend instances
backend instances
  balance roundrobin
  option httpchk GET /readyz
  http-check expect status 200
  default-server inter 500ms fall 2 rise 2
${backends.map((b) => `  server ${b.name} 127.0.0.1:${b.port} check`).join('\n')}
`;
  const file = path.join(dir, 'haproxy.cfg');
  writeFileSync(file, config);
  const child = spawn(HAPROXY, ['-f', file, '-db'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (c) => (output += c));
  child.stderr.on('data', (c) => (output += c));
  const exited = new Promise((resolve) => child.on('exit', () => resolve()));
  return { child, exited, url: `http://127.0.0.1:${port}`, output: () => output };
}

export function cleanup(dir) {
  if (dir && existsSync(dir)) rmSync(dir, { recursive: true, force: true });
}

