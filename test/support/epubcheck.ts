// The real validator: epubcheck from Debian's package, run through java (its launcher does not run
// here). Its JSON report is the result, checked against its exit code; a missing java or jar, or a
// run that leaves no report, throws with what to install, so no EPUB check can pass unvalidated.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const EPUBCHECK_JAR = process.env.EPUBCHECK_JAR ?? '/usr/share/java/epubcheck.jar';

export interface EpubcheckResult {
  errors: number;
  warnings: number;
  /** "ERROR(RSC-005): OEBPS/x.xhtml(3,7): …", one a problem; usage hints and infos left out. */
  messages: string[];
}

interface Report {
  checker: { nFatal: number; nError: number; nWarning: number };
  messages: { ID: string; severity: string; message: string; locations: { path: string; line: number; column: number }[] }[];
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile('java', args, { env, maxBuffer: 16 << 20 }, (error, _stdout, stderr) => {
      if (error && typeof error.code !== 'number') {
        const missing = error.code === 'ENOENT';
        reject(new Error(missing ? 'java is not installed: apt-get install default-jre-headless (epubcheck runs on it)' : `epubcheck did not run: ${error.message}`));
        return;
      }
      resolve({ code: error ? Number(error.code) : 0, stderr });
    });
  });
}

export async function epubcheck(path: string, options: { jar?: string; env?: NodeJS.ProcessEnv } = {}): Promise<EpubcheckResult> {
  const jar = options.jar ?? EPUBCHECK_JAR;
  if (!existsSync(jar)) throw new Error(`epubcheck is not installed: ${jar} is missing; apt-get install epubcheck, or set EPUBCHECK_JAR`);
  if (!existsSync(path)) throw new Error(`epubcheck: ${path} does not exist`);
  const dir = await mkdtemp(join(tmpdir(), 'epubcheck-'));
  try {
    const reportPath = join(dir, 'report.json');
    const { code, stderr } = await run(['-jar', jar, '--quiet', '--json', reportPath, path], options.env ?? process.env);
    const text = await readFile(reportPath, 'utf8').catch(() => null);
    if (text === null) throw new Error(`epubcheck wrote no report (exit code ${code}): ${stderr.trim().split('\n')[0] ?? ''}`);
    const report = JSON.parse(text) as Report;
    const problems = report.messages.filter((m) => ['FATAL', 'ERROR', 'WARNING'].includes(m.severity));
    const errors = report.checker.nFatal + report.checker.nError;
    // epubcheck exits 0 only when it found nothing wrong: a disagreement means the report is not what ran.
    if ((code === 0) !== (errors + report.checker.nWarning === 0)) {
      throw new Error(`epubcheck exited with ${code} but reported ${errors} errors and ${report.checker.nWarning} warnings`);
    }
    return {
      errors,
      warnings: report.checker.nWarning,
      messages: problems.map((m) => {
        const at = m.locations[0];
        return `${m.severity}(${m.ID}): ${at ? `${at.path}(${at.line},${at.column})` : ''}: ${m.message}`;
      }),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
