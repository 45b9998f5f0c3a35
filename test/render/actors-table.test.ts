// The actors table: per story, who speaks in it and who it names in more than one sentence; the rest
// stays in briefing.json, and the page says how many.
import { describe, expect, it } from 'vitest';
import { buildView } from '../../pipeline/render/view.js';
import type { Actor } from '../../pipeline/model.js';
import { briefOf, sourceOf } from '../support/brief.js';

const port = sourceOf('port', 'Dockers walk out', ['Dockers walked out on Monday. Ana Ortiz led the union. Ortiz said talks had failed. Calder is quiet.']);
const bank = sourceOf('bank', 'Rates rise again', ['The bank raised rates. Lena Sund spoke. Jonas Berg was there once.']);
const actor = (name: string, kind: Actor['kind'], evidence: string[]): Actor => ({ name, kind, role: null, mentions: evidence.length, sources: [...new Set(evidence.map((e) => e.split(':')[0] as string))], evidence });

const brief = briefOf([port, bank], {
  stories: [
    { id: 'st-000001', title: 'Dockers walk out', summary: [], sources: ['port'], independentSources: 1, dates: { first: null, last: null }, actors: [], section: null },
    { id: 'st-000002', title: 'Rates rise again', summary: [], sources: ['bank'], independentSources: 1, dates: { first: null, last: null }, actors: [], section: null },
  ],
  actors: [
    actor('Calder', 'place', ['port:s1', 'port:s4']),
    actor('Ana Ortiz', 'person', ['port:s2', 'port:s3']),
    actor('Lena Sund', 'person', ['bank:s2']),
    actor('Jonas Berg', 'person', ['bank:s3']),
  ],
  quotes: [{ id: 'qt-00000001', text: 'We will not back down on pay', speaker: 'Lena Sund', said: 'Ms Sund', evidence: 'bank:s2', storyId: 'st-000002' }],
});

describe('the actors table', () => {
  const { actorTable } = buildView(brief, 'print');

  it('has a part per story, speakers first, then people before places, by the story’s own mentions', () => {
    expect(actorTable.parts.map((p) => [p.title, p.actors.map((a) => [a.name, a.here, a.sourcesHere])])).toEqual([
      ['Dockers walk out', [['Ana Ortiz', 2, 1], ['Calder', 2, 1]]],
      // Lena Sund is named once but speaks; Jonas Berg is named once and does not.
      ['Rates rise again', [['Lena Sund', 1, 1]]],
    ]);
  });

  it('counts the actors left to briefing.json', () => {
    expect(actorTable.leftOut).toBe(1);
  });

  it('a pack of one story has one part, without a heading', () => {
    const single = briefOf([port], { actors: [actor('Ana Ortiz', 'person', ['port:s2', 'port:s3'])] });
    expect(buildView(single, 'print').actorTable.parts.map((p) => [p.title, p.actors.length])).toEqual([[null, 1]]);
  });
});
