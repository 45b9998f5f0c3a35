// The analyst's overlay, brief.yaml: parsed with positions so every problem names file:line.
import { LineCounter, parseDocument } from 'yaml';
import { Overlay, type Diagnostic } from '../model.js';

export const OVERLAY_FILE = 'brief.yaml';

export interface OverlayResult {
  /** null when the file is invalid: the build must stop rather than guess. */
  overlay: Overlay | null;
  diagnostics: Diagnostic[];
}

function at(file: string, lines: LineCounter, offset: number | undefined, message: string, ruleId: string): Diagnostic {
  const { line, col } = offset === undefined ? { line: 1, col: 1 } : lines.linePos(offset);
  return { file, line, column: col, severity: 'error', ruleId, message };
}

/** Parses and validates brief.yaml; `text` null means there is no overlay, which is fine. */
export function parseOverlay(text: string | null, file: string): OverlayResult {
  if (text === null) return { overlay: {}, diagnostics: [] };
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (document.errors.length > 0) {
    return {
      overlay: null,
      diagnostics: document.errors.map((e) => at(file, lines, e.pos[0], `not valid YAML: ${e.message.split('\n')[0]}`, 'overlay-yaml')),
    };
  }
  const parsed = Overlay.safeParse(document.toJS() ?? {});
  if (parsed.success) return { overlay: parsed.data, diagnostics: [] };
  return {
    overlay: null,
    diagnostics: parsed.error.issues.map((issue) => {
      const node = document.getIn(issue.path.filter((p): p is string | number => typeof p !== 'symbol'), true) as
        | { range?: [number, number, number] }
        | undefined;
      const key = issue.path.join('.') || '(top level)';
      const offset = node?.range?.[0] ?? (issue.code === 'unrecognized_keys' ? unknownKeyOffset(document, issue.keys) : undefined);
      return at(file, lines, offset, `${key}: ${issue.message}`, 'overlay-schema');
    }),
  };
}

function unknownKeyOffset(document: ReturnType<typeof parseDocument>, keys: readonly string[]): number | undefined {
  const contents = document.contents as { items?: Array<{ key?: { value?: unknown; range?: [number, number, number] } }> } | null;
  return contents?.items?.find((pair) => keys.includes(String(pair.key?.value)))?.key?.range?.[0];
}
