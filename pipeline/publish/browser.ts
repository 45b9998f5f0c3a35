// Which Chromium prints the pack. Never downloads one: the build must work offline.
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export class BrowserNotFoundError extends Error {
  constructor() {
    super(
      'no Chromium found: install it (Debian/Ubuntu: apt-get install chromium) or set PUPPETEER_EXECUTABLE_PATH to a Chrome or Chromium binary',
    );
    this.name = 'BrowserNotFoundError';
  }
}

const SYSTEM_BROWSERS = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** A file this process may run: a folder has the execute bit too (an unpacked download named chromium). */
function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function onPath(name: string, pathVariable: string): string | null {
  for (const folder of pathVariable.split(delimiter).filter(Boolean)) {
    const candidate = join(folder, name);
    if (isExecutable(candidate)) return candidate;
  }
  return null;
}

/** puppeteer's own cache, if an earlier install put a browser there; loaded only when needed. */
async function puppeteerCache(): Promise<string | null> {
  try {
    const { executablePath } = await import('puppeteer');
    const path = executablePath();
    return isExecutable(path) ? path : null;
  } catch {
    return null;
  }
}

/**
 * Resolves Chromium in this order: PUPPETEER_EXECUTABLE_PATH, a system chromium/chrome on PATH,
 * puppeteer's cache. Throws BrowserNotFoundError naming the fix when there is none.
 */
export async function resolveBrowser(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const configured = env.PUPPETEER_EXECUTABLE_PATH;
  if (configured) {
    if (isExecutable(configured)) return configured;
    throw new Error(`PUPPETEER_EXECUTABLE_PATH is set to ${configured}, which is not an executable file: fix or unset it`);
  }
  for (const name of SYSTEM_BROWSERS) {
    const found = onPath(name, env.PATH ?? '');
    if (found) return found;
  }
  const cached = await puppeteerCache();
  if (cached) return cached;
  throw new BrowserNotFoundError();
}
