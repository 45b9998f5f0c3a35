// What a seed must be before it is read: a known format, some text, and not too much of it.
// A refusal is data, not an exception: the pack still builds from the other seeds.
import type { Severity } from '../model.js';

export type ReadableFormat = 'text' | 'markdown' | 'html';

export interface Refusal {
  severity: Severity;
  ruleId: string;
  message: string;
}

const FORMATS: Record<string, ReadableFormat> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
};

function extensionOf(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? path;
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
}

export function formatOf(path: string): ReadableFormat | Refusal {
  const extension = extensionOf(path);
  const format = FORMATS[extension];
  if (format) return format;
  return {
    severity: 'info',
    ruleId: 'unknown-extension',
    message: `not a seed (${extension || 'no extension'}; expected .txt, .md, .markdown, .html or .htm); skipped`,
  };
}

export function refuseBytes(bytes: Uint8Array, maxBytes: number): Refusal | null {
  if (bytes.length === 0) return { severity: 'warning', ruleId: 'empty-file', message: 'the file is empty; skipped' };
  if (bytes.length > maxBytes) {
    return {
      severity: 'warning',
      ruleId: 'too-large',
      message: `the file has ${bytes.length} bytes, more than the limit of ${maxBytes}; skipped`,
    };
  }
  return null;
}

export function refuseText(text: string): Refusal | null {
  // NUL never occurs in text; checked after decoding so that UTF-16 seeds pass.
  if (text.includes('\u0000')) {
    return { severity: 'warning', ruleId: 'binary-file', message: 'the file holds binary data, not text; skipped' };
  }
  if (text.trim() === '') {
    return { severity: 'warning', ruleId: 'empty-file', message: 'the file holds only white space; skipped' };
  }
  return null;
}
