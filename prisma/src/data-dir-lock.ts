import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * PGlite keeps its database in the memory of one process and writes it back to the folder: a
 * second process opening the same folder (the server, and `create-admin` or the seed CLI started
 * beside it) works on its own copy, and whichever closes last overwrites the other's writes.
 * A lock file next to the folder (`<folder>.lock`, holding the owner's PID) refuses the second
 * opener with a clear message. A PID file rather than a timed lock (e.g. proper-lockfile): PGlite
 * can block the event loop for long stretches during bulk imports, which a lock kept alive by
 * timers would misread as a dead owner; a PID outlives any such pause and dies with its process.
 */
export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly ownerPid: number,
  ) {
    super(
      `Die eingebettete Datenbank in ${dataDir} wird schon von Prozess ${ownerPid} benutzt (z. B. dem laufenden Server). ` +
        'Bitte diesen zuerst beenden (Strg-C) oder mit DATABASE_URL einen PostgreSQL-Server verwenden. ' +
        `(The embedded database is in use by process ${ownerPid}; stop it first. If no such process runs, delete ${dataDir}.lock.)`,
    );
    this.name = 'DataDirInUseError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the folder's lock or throws DataDirInUseError; returns the function that releases it. */
export function lockDataDir(dataDir: string): () => void {
  const folder = path.resolve(dataDir);
  const lockFile = `${folder}.lock`;
  const mine = String(process.pid);
  // Two rounds: the second after removing a stale lock whose process is gone.
  for (let round = 0; round < 2; round++) {
    try {
      writeFileSync(lockFile, mine, { flag: 'wx' });
      return () => {
        try {
          if (readFileSync(lockFile, 'utf8') === mine) unlinkSync(lockFile);
        } catch {
          // already gone
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number.parseInt(readFileSync(lockFile, 'utf8'), 10);
      // The same process opening the folder twice is as unsafe as two processes.
      if (Number.isInteger(owner) && (owner === process.pid || isAlive(owner))) throw new DataDirInUseError(folder, owner);
      unlinkSync(lockFile);
    }
  }
  throw new Error(`could not lock ${lockFile}`);
}
