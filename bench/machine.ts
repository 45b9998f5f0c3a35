// What a result was measured on: the machine, and the versions of everything timed.
import { readFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { versionOf } from './peers.js';

export interface Machine {
  cpu: string;
  cores: number;
  memory: string;
  os: string;
  load: string;
}

export interface Versions {
  node: string;
  chromium: string;
  pandoc: string;
  puppeteer: string;
  epubGen: string;
}

function osName(): string {
  try {
    const pretty = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1];
    return `${pretty ?? 'Linux'}, kernel ${release()}`;
  } catch {
    return `${process.platform}, kernel ${release()}`;
  }
}

/** The 1, 5 and 15 minute load averages: how busy the machine was besides the bench. */
export function load(): string {
  return loadavg()
    .map((value) => value.toFixed(2))
    .join(' / ');
}

export function machine(): Machine {
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    os: osName(),
    load: load(),
  };
}

/** A dependency's installed version, with the range package.json asks for. */
function dependency(root: string, name: string): string {
  const wanted = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> }).dependencies?.[name];
  try {
    const installed = (JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
    return `${installed} (package.json: ${wanted ?? 'absent'})`;
  } catch {
    return `not installed (package.json: ${wanted ?? 'absent'})`;
  }
}

export async function versions(root: string, chromium: string | null, pandoc: string | null, env: NodeJS.ProcessEnv): Promise<Versions> {
  return {
    node: process.version,
    chromium: await versionOf('chromium', chromium, env),
    pandoc: await versionOf('pandoc', pandoc, env),
    puppeteer: dependency(root, 'puppeteer'),
    epubGen: dependency(root, 'epub-gen-memory'),
  };
}
