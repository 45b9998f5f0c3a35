// The analyst's overlay, brief.yaml: parsed with positions so every problem names file:line, and
// the place of every entry kept with the overlay, so enrich can say where an unmatched edit stands.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document } from 'yaml';
import type { Diagnostic } from '../model.js';
import { OVERLAY_FILE, Overlay, placeOf, type OverlayPlaces, type Place } from '../overlay-schema.js';

export { OVERLAY_FILE };

/** An overlay is a short list of edits; a larger file is a mistake or an attack. */
export const MAX_OVERLAY_BYTES = 1024 * 1024;
/** An overlay nests six levels at most; the YAML parser recurses once a level and gives way in the thousands. */
const MAX_DEPTH = 32;
/** Aliases the file may resolve: a few are handy, hundreds are a billion-laughs bomb. */
const MAX_ALIASES = 100;

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

/**
 * Where the text first nests deeper than MAX_DEPTH, counting block indentation, "- " items and
 * flow brackets, before the parser is trusted with it; quoted text and comments do not count.
 */
function tooDeep(text: string): Place | null {
  const indents: number[] = [];
  let flow = 0;
  const lines = text.split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    const indent = /^[ \t]*/.exec(line)?.[0].length ?? 0;
    const rest = line.slice(indent);
    if (flow === 0 && rest !== '' && !rest.startsWith('#')) {
      while ((indents.at(-1) ?? -1) >= indent) indents.pop();
      indents.push(indent);
      // "- - - x" opens one level per dash on the same line.
      for (const dash of rest.matchAll(/-(?=[ \t])[ \t]*/gy)) indents.push(indent + (dash.index ?? 0) + 1);
    }
    let quote: string | null = null;
    for (let column = indent; column < line.length; column += 1) {
      const char = line[column];
      if (quote !== null) {
        if (char === quote) quote = null;
      } else if (char === '"' || char === "'") {
        if (column === 0 || /[\s[{,:]/.test(line[column - 1] ?? ' ')) quote = char;
      } else if (char === '#' && (column === 0 || /\s/.test(line[column - 1] ?? ' '))) {
        break;
      } else if (char === '[' || char === '{') {
        flow += 1;
      } else if (char === ']' || char === '}') {
        flow = Math.max(0, flow - 1);
      }
      if (indents.length + flow > MAX_DEPTH) return { line: index + 1, column: column + 1 };
    }
    if (indents.length > MAX_DEPTH) return { line: index + 1, column: indent + 1 };
  }
  return null;
}

/** Where the first alias stands: the place to name when aliases expand past the limit. */
function firstAlias(document: Document, lines: LineCounter): Place {
  let offset = 0;
  visit(document, {
    Alias(_, node) {
      offset = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  const { line, col } = lines.linePos(offset);
  return { line, column: col };
}

/** Parses and validates brief.yaml; `text` null means there is no overlay, which is fine. */
export function parseOverlay(text: string | null, file: string): OverlayResult {
  if (text === null) return { overlay: {}, diagnostics: [] };
  const stop = (place: Place, message: string, ruleId: string): OverlayResult => ({ overlay: null, diagnostics: [error(file, place, message, ruleId)] });
  if (Buffer.byteLength(text) > MAX_OVERLAY_BYTES) {
    return stop({ line: 1, column: 1 }, `the file is larger than ${MAX_OVERLAY_BYTES} bytes: an overlay is a short list of edits; shorten it`, 'overlay-size');
  }
  const deep = tooDeep(text);
  if (deep) return stop(deep, `the file nests deeper than ${MAX_DEPTH} levels, and an overlay needs six at most; flatten it`, 'overlay-depth');
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
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: MAX_ALIASES }) ?? {};
  } catch (reason) {
    // The yaml library refuses aliases that expand without bound, and finds some errors (an alias
    // with no anchor, a duplicate key in an !!omap) only now; it names no place for either.
    const message = reason instanceof Error ? reason.message.split('\n')[0] ?? '' : String(reason);
    if (reason instanceof ReferenceError && /excessive alias count/i.test(message)) {
      return stop(firstAlias(document, lines), `aliases (*name) here expand past ${MAX_ALIASES} copies, as in a "billion laughs" attack; write the entries out instead`, 'overlay-aliases');
    }
    return stop(/alias/i.test(message) ? firstAlias(document, lines) : { line: 1, column: 1 }, `not valid YAML: ${message}`, 'overlay-yaml');
  }
  const parsed = Overlay.safeParse(value);
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
