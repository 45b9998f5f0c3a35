// The analyst's overlay, brief.yaml: parsed with positions so every problem names file:line, and
// the place of every entry kept with the overlay, so enrich can say where an unmatched edit stands.
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Diagnostic } from '../model.js';
import { OVERLAY_FILE, Overlay, placeOf, type OverlayPlaces, type Place } from '../overlay-schema.js';

export { OVERLAY_FILE };

export interface OverlayResult {
  /** null when the file is invalid: the build must stop rather than guess. */
  overlay: Overlay | null;
  diagnostics: Diagnostic[];
}

function error(file: string, place: Place | undefined, message: string, ruleId: string): Diagnostic {
  return { file, line: place?.line ?? 1, column: place?.column ?? 1, severity: 'error', ruleId, message };
}

interface Places {
  /** Where each entry's key, or each list item, starts: where an entry is named. */
  entries: Record<string, Place>;
  /** Where a wrong value is pointed at: a scalar where it stands, a list or map at its key. */
  values: Record<string, Place>;
}

/** Entries and list items by dotted YAML path ("risks.add.0.scenarios.1"). */
function placesOf(contents: unknown, lines: LineCounter): Places {
  const places: Places = { entries: {}, values: {} };
  const mark = (into: Record<string, Place>, path: string, node: unknown): void => {
    const offset = (node as { range?: [number, number, number] | null } | null)?.range?.[0];
    if (offset === undefined) return;
    const { line, col } = lines.linePos(offset);
    into[path] = { line, column: col };
  };
  const visit = (node: unknown, path: string): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        const child = path ? `${path}.${key}` : key;
        mark(places.entries, child, pair.key);
        mark(places.values, child, isScalar(pair.value) ? pair.value : pair.key);
        visit(pair.value, child);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        const child = path ? `${path}.${i}` : String(i);
        mark(places.entries, child, item);
        mark(places.values, child, item);
        visit(item, child);
      });
    }
  };
  visit(contents, '');
  return places;
}

/** Parses and validates brief.yaml; `text` null means there is no overlay, which is fine. */
export function parseOverlay(text: string | null, file: string): OverlayResult {
  if (text === null) return { overlay: {}, diagnostics: [] };
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (document.errors.length > 0) {
    return {
      overlay: null,
      diagnostics: document.errors.map((e) => {
        const { line, col } = lines.linePos(e.pos[0]);
        return error(file, { line, column: col }, `not valid YAML: ${e.message.split('\n')[0]}`, 'overlay-yaml');
      }),
    };
  }
  const { entries, values } = placesOf(document.contents, lines);
  const parsed = Overlay.safeParse(document.toJS() ?? {});
  if (parsed.success) {
    const places: OverlayPlaces = { file, at: entries };
    return { overlay: { ...parsed.data, places }, diagnostics: [] };
  }
  return {
    overlay: null,
    diagnostics: parsed.error.issues.map((issue) => {
      // An unknown key is named in `keys`, under the object's path, and pointed at where it is written.
      const unknown = issue.code === 'unrecognized_keys';
      const path = unknown ? [...issue.path, issue.keys[0] ?? ''] : issue.path;
      const key = issue.path.join('.') || '(top level)';
      return error(file, placeOf(unknown ? entries : values, path), `${key}: ${issue.message}`, 'overlay-schema');
    }),
  };
}
