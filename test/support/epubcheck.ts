// The real validator: epubcheck from Debian's package, run through java (its launcher does not run here).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const EPUBCHECK_JAR = process.env.EPUBCHECK_JAR ?? '/usr/share/java/epubcheck.jar';

export interface EpubcheckResult {
  errors: number;
  warnings: number;
  messages: string[];
}

export async function epubcheck(path: string): Promise<EpubcheckResult> {
  const { stdout, stderr } = await run('java', ['-jar', EPUBCHECK_JAR, '--quiet', path], { maxBuffer: 16 << 20 }).catch(
    (error: { stdout?: string; stderr?: string }) => ({ stdout: error.stdout ?? '', stderr: error.stderr ?? '' }),
  );
  const messages = `${stdout}\n${stderr}`.split('\n').filter((line) => /^(ERROR|WARNING|FATAL)/.test(line));
  return {
    errors: messages.filter((m) => m.startsWith('ERROR') || m.startsWith('FATAL')).length,
    warnings: messages.filter((m) => m.startsWith('WARNING')).length,
    messages,
  };
}
