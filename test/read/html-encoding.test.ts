// Which encoding a saved page is read in: its BOM, else its declared charset in the first
// 1024 bytes, else UTF-8 with the windows-1252 fallback every seed gets.
import { describe, expect, test } from 'vitest';
import { Source, type ReadResult } from '../../pipeline/model.js';
import { readSource } from '../../pipeline/read/index.js';

const bytes = (text: string) => new TextEncoder().encode(text);
/** Each character as the one byte of its code point: how a page in a single-byte charset is stored. */
const latin = (text: string) => Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
const readHtml = (html: Uint8Array): ReadResult => readSource({ path: 'seeds/page.html', bytes: html });

function bodyText(result: ReadResult): string {
  if (result.source === null) throw new Error('the page was not read');
  expect(Source.safeParse(result.source).success).toBe(true);
  return result.source.sentences.map((sentence) => sentence.text).join('\n');
}

describe('encodings', () => {
  const page = (head: string, body: string) =>
    `<html><head>${head}<title>Prices</title></head><body><h1>Prices</h1><p>${body} rose sharply in the capital this week, traders said.</p></body></html>`;

  test('a byte order mark wins over the declared charset', () => {
    const utf8 = bytes(page('<meta charset="windows-1252">', 'Café prices'));
    const result = readHtml(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]));
    expect(bodyText(result)).toContain('Café prices rose');
    expect(result.diagnostics).toEqual([]);
  });

  test('http-equiv content-type is honoured; ISO-8859-1 means windows-1252, as in browsers', () => {
    const html = page('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">', '\u0093Caf\u00e9\u0094 prices');
    const result = readHtml(latin(html));
    expect(bodyText(result)).toContain('“Café” prices rose');
    expect(result.diagnostics).toEqual([]);
  });

  test('other declared encodings are decoded too', () => {
    // "日本" in Shift_JIS.
    const html = page('<meta charset="shift_jis">', 'JAPAN');
    const encoded = latin(html.replace('JAPAN', '\u0093\u00fa\u0096{'));
    expect(bodyText(readHtml(encoded))).toContain('日本 rose sharply');
  });

  test('a declaration after the first 1024 bytes is not looked for', () => {
    const html = page(`<!--${' '.repeat(1100)}--><meta charset="windows-1252">`, 'Caf\u00e9 prices');
    const result = readHtml(latin(html));
    expect(bodyText(result)).toContain('Café prices');
    expect(result.diagnostics.map((d) => d.ruleId)).toEqual(['not-utf8']);
  });

  test('declared UTF-8 that is not falls back to windows-1252, with the usual warning', () => {
    const result = readHtml(latin(page('<meta charset="utf-8">', 'Caf\u00e9 prices')));
    expect(bodyText(result)).toContain('Café prices');
    expect(result.diagnostics.map((d) => [d.severity, d.ruleId])).toEqual([['warning', 'not-utf8']]);
  });

  test('an unknown charset is reported and the page read as UTF-8', () => {
    const result = readHtml(bytes(page('<meta charset="x-martian">', 'Café prices')));
    expect(bodyText(result)).toContain('Café prices');
    expect(result.diagnostics.map((d) => [d.severity, d.ruleId])).toEqual([['warning', 'unknown-charset']]);
  });
});

