// The read stage runs as a unified pipeline: rules leave what they find on the vfile's
// `data` and report problems as vfile messages, which become our Diagnostics at the end.
import { VFile } from 'vfile';
import type { Diagnostic, Sentence, Severity } from '../model.js';
import type { FrontMatter } from './front-matter.js';

declare module 'vfile' {
  interface DataMap {
    frontMatter: FrontMatter;
    title: string;
    kicker: string | null;
    author: string | null;
    via: string[];
    /** The name a web page gives its site: the outlet nearest the reader. */
    siteName: string | null;
    published: string | null;
    boilerplate: string[];
    sentences: Sentence[];
  }
}

declare module 'mdast' {
  interface Data {
    /** Ids of the sentences this block was split into, so renderers can anchor them. */
    sentenceIds?: string[];
  }
}

export const SOURCE = 'briefpack:read';

export function createFile(path: string, text: string): VFile {
  return new VFile({ path, value: text });
}

function severityOf(fatal: boolean | null | undefined): Severity {
  if (fatal === true) return 'error';
  return fatal === false ? 'warning' : 'info';
}

export function diagnosticsOf(file: VFile, path: string): Diagnostic[] {
  return file.messages.map((message) => ({
    file: path,
    line: message.line ?? 1,
    column: message.column ?? 1,
    severity: severityOf(message.fatal),
    ruleId: message.ruleId ?? 'read',
    message: message.reason,
  }));
}
