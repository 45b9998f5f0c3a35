// Properties over generated input: the reader never throws, the whole analysis stays sound.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readSource } from '../pipeline/read/index.js';
import { enrich } from '../pipeline/enrich/index.js';
import { Brief, Source, unresolvedEvidence } from '../pipeline/model.js';

const EXTENSIONS = ['txt', 'md', 'markdown', 'html', 'htm', 'bin'] as const;

function checkRead(path: string, bytes: Uint8Array) {
  const result = readSource({ path, bytes });
  if (result.source) expect(Source.safeParse(result.source).success).toBe(true);
  for (const d of result.diagnostics) expect(d.file).toBe(path);
  return result;
}

const word = fc.stringMatching(/^[A-Za-z][a-z]{1,9}$/);
const sentence = fc
  .tuple(fc.array(word, { minLength: 3, maxLength: 14 }), fc.constantFrom('.', '?', '!', '…', '."', '.”'))
  .map(([words, end]) => `${words.join(' ')}${end}`.replace(/^./, (c) => c.toUpperCase()));
const line = fc.oneof(
  { weight: 6, arbitrary: fc.array(sentence, { minLength: 1, maxLength: 4 }).map((s) => s.join(' ')) },
  { weight: 1, arbitrary: fc.array(word, { minLength: 2, maxLength: 6 }).map((w) => w.join(' ')) },
  { weight: 1, arbitrary: sentence.map((s) => `- ${s}`) },
  { weight: 1, arbitrary: fc.constant('-') },
  { weight: 1, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: word.map((w) => `By ${w} ${w}`) },
  { weight: 1, arbitrary: sentence.map((s) => `“${s}” said a spokesman.`) },
);
const article = fc.tuple(fc.array(word, { minLength: 2, maxLength: 8 }), fc.array(line, { minLength: 1, maxLength: 25 })).map(
  ([title, lines]) => `${title.join(' ')}\n${lines.join('\n')}\n`,
);

describe('the reader on arbitrary input', () => {
  it('never throws on arbitrary bytes and always yields a valid Source or a diagnostic', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), fc.constantFrom(...EXTENSIONS), (bytes, ext) => {
        const result = checkRead(`seeds/x.${ext}`, bytes);
        expect(result.source !== null || result.diagnostics.length > 0).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary Unicode text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 2000 }), fc.constantFrom('txt', 'md', 'html'), (text, ext) => {
        checkRead(`seeds/x.${ext}`, new TextEncoder().encode(text));
      }),
      { numRuns: 300 },
    );
  });
});

describe('the whole analysis on generated articles', () => {
  it('yields a valid Brief whose evidence ids all resolve', () => {
    fc.assert(
      fc.property(fc.array(article, { minLength: 1, maxLength: 4 }), (texts) => {
        const sources = texts.flatMap((text, i) => readSource({ path: `seeds/a${i}.txt`, bytes: new TextEncoder().encode(text) }).source ?? []);
        fc.pre(sources.length > 0);
        const brief = Brief.parse(enrich(sources, { overlay: {}, generatedAt: '2025-01-01T00:00:00.000Z', diagnostics: [] }));
        expect(unresolvedEvidence(brief)).toEqual([]);
        const ids = new Set(brief.sources.flatMap((s) => s.sentences.map((x) => x.id)));
        expect(ids.size).toBe(brief.sources.reduce((n, s) => n + s.sentences.length, 0));
      }),
      { numRuns: 60 },
    );
  });
});
