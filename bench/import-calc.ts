/**
 * LibreOffice Calc as the yardstick of `npm run bench:import`: the time `soffice --headless
 * --convert-to csv` takes to open (and write back) the same CSV file. Installs Debian's
 * libreoffice-calc-nogui when soffice is missing and the machine allows it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Calc found (its path) or not (why, in a sentence). */
export type CalcAvailability = { path: string } | { missing: string };

function which(command: string): string | null {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  return found.status === 0 && found.stdout.trim() ? found.stdout.trim() : null;
}

/** Finds soffice, installing libreoffice-calc-nogui with apt-get (as root, or sudo -n) when missing. */
export function ensureCalc(log: (line: string) => void): CalcAvailability {
  const present = which('soffice');
  if (present) return { path: present };
  const asRoot = process.getuid?.() === 0;
  if (!asRoot && spawnSync('sudo', ['-n', 'true']).status !== 0) {
    return { missing: 'soffice is not installed and this user cannot install packages (run: apt-get install -y libreoffice-calc-nogui)' };
  }
  log('soffice missing: apt-get install -y libreoffice-calc-nogui (a few minutes)');
  const command = asRoot ? 'apt-get' : 'sudo';
  const args = asRoot ? ['install', '-y', 'libreoffice-calc-nogui'] : ['-n', 'apt-get', 'install', '-y', 'libreoffice-calc-nogui'];
  const installed = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  const after = which('soffice');
  if (after) return { path: after };
  return { missing: `installing libreoffice-calc-nogui failed (exit ${installed.status}): ${(installed.stderr ?? '').trim().split('\n').slice(-1)[0] ?? ''}` };
}

function run(soffice: string, profileUrl: string, file: string, outDir: string, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(soffice, [`-env:UserInstallation=${profileUrl}`, '--headless', '--norestore', '--convert-to', 'csv', '--outdir', outDir, file], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const elapsed = performance.now() - started;
      const written = join(outDir, basename(file).replace(/\.[^.]+$/, '') + '.csv');
      if (code === 0 && existsSync(written)) resolve(elapsed);
      else reject(new Error(`soffice ${signal ? `killed (${signal}, limit ${timeoutMs / 1000} s)` : `exited ${code}`} without writing ${written}: ${stderr.trim().slice(0, 300)}`));
    });
  });
}

/**
 * Wall time of Calc opening `file` and writing it back as CSV, with a profile of its own (warmed
 * on a tiny file first, so creating the profile is not counted).
 */
export async function calcOpenMs(soffice: string, file: string, timeoutMs = 20 * 60_000): Promise<number> {
  const work = mkdtempSync(join(tmpdir(), 'clientela-calc-'));
  try {
    const profileUrl = pathToFileURL(join(work, 'profile')).href;
    const outDir = join(work, 'out');
    mkdirSync(outDir);
    const warm = join(work, 'warm.csv');
    writeFileSync(warm, 'a,b\n1,2\n');
    await run(soffice, profileUrl, warm, outDir, 120_000);
    return await run(soffice, profileUrl, file, outDir, timeoutMs);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
