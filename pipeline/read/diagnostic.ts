// Diagnostics as a reader sees them on the terminal; kept apart so that printing one does not
// load the whole reader.
import type { Diagnostic } from '../model.js';

/** `seeds/x.txt:12:1: warning: message [rule-id]`; a whole-file diagnostic has no place. */
export function formatDiagnostic(d: Diagnostic): string {
  const place = d.line > 0 ? `:${d.line}:${d.column}` : '';
  return `${d.file}${place}: ${d.severity}: ${d.message} [${d.ruleId}]`;
}
