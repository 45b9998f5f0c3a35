// Actors across all sources: names found per sentence, merged into entities (a full name, its
// surname alone and its possessive are one person; an acronym defined in brackets is its long name).
import type { Actor, ActorKind, Sentence, Source } from '../../model.js';
import { contentId } from './ids.js';
import { LEGAL_SUFFIXES } from './lexicon.js';
import { classifyWords, isAcronym, namesInSentence, type NameMention } from './names.js';
import { tagAll } from './nlp.js';
import { bodySentences } from './sentences.js';

interface Mention extends NameMention {
  sentenceId: string;
  sourceId: string;
}

export interface ActorIndex {
  /** Actors by mentions, most mentioned first. */
  actors: Actor[];
  /**
   * The actor a written name refers to ("Rutte", "NATO Secretary General Mark Rutte"), or null. With
   * the id of the source it is written in, a lone surname ("Howard", "Mr Howard") is the one person of
   * that surname the source names.
   */
  resolve(name: string, sourceId?: string): Actor | null;
  /**
   * The person a description refers to ("the Salford MP", "the home secretary"): the one person whose
   * role, as the text ties it to them ("Hazel Blears, the Salford MP"; "Home Secretary Charles Clarke"),
   * holds the description's words, in the given source first and then in the pack; null when none or
   * several do.
   */
  byRole(description: string, sourceId?: string): Actor | null;
  /** Persons named in a sentence, in order of mention. */
  personsIn(sentenceId: string): Actor[];
}

/** A line in title case ("Security Guarantees for Ukraine") capitalises common words: no evidence of a name. */
export function isTitleCaseLine(text: string): boolean {
  const all = text.match(/\p{L}[\p{L}'’-]*/gu) ?? [];
  const capitalized = all.filter((w) => /^\p{Lu}/u.test(w)).length;
  const longLower = all.filter((w) => w.length > 3 && /^\p{Ll}/u.test(w)).length;
  return capitalized >= 2 && longLower === 0;
}

function keyOf(name: string): string {
  const words = name
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/'s$/, '')
    .split(/\s+/)
    .filter(Boolean);
  while (words.length > 1 && LEGAL_SUFFIXES.has(words[words.length - 1] ?? '')) words.pop();
  return words.join(' ');
}

/** Acronyms defined in brackets after their long name: "European Central Bank (ECB)" → ecb → european central bank. */
function bracketAcronyms(sentences: readonly Sentence[]): Map<string, string> {
  const found = new Map<string, string>();
  const pattern = /((?:\p{Lu}[\p{L}&.-]*\s+(?:(?:of|for|the|and|on)\s+)*)+)\((\p{Lu}{2,8})\)/gu;
  for (const s of sentences) {
    for (const m of s.text.matchAll(pattern)) {
      const long = (m[1] ?? '').trim();
      const acronym = m[2] ?? '';
      const initials = long
        .split(/\s+/)
        .filter((w) => /^\p{Lu}/u.test(w))
        .map((w) => w[0])
        .join('');
      if (initials.endsWith(acronym) || initials === acronym) {
        const words = long.split(/\s+/);
        found.set(acronym.toLowerCase(), words.slice(Math.max(0, words.length - acronym.length - 2)).join(' ').replace(/^(?:of|for|the|and|on)\s+/i, ''));
      }
    }
  }
  return found;
}

function mentionsOf(sources: readonly Source[]): Mention[] {
  const mentions: Mention[] = [];
  for (const source of sources) {
    const sentences = bodySentences(source).filter((s) => !isTitleCaseLine(s.text));
    const tagged = tagAll(sentences.map((s) => s.text));
    sentences.forEach((sentence, k) => {
      for (const m of namesInSentence(tagged[k] ?? [])) {
        mentions.push({ ...m, sentenceId: sentence.id, sourceId: source.id });
        for (const inner of m.inner) {
          mentions.push({ name: inner.name, kind: inner.kind, role: null, inner: [], initial: false, strong: true, position: m.position, sentenceId: sentence.id, sourceId: source.id });
        }
      }
    });
  }
  return mentions;
}

interface Group {
  key: string;
  mentions: Mention[];
}

function mostCommon<T>(values: readonly T[], better: (a: T, b: T) => boolean): T | undefined {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: T | undefined;
  let bestCount = 0;
  for (const [v, n] of counts) {
    if (n > bestCount || (n === bestCount && best !== undefined && better(v, best))) {
      best = v;
      bestCount = n;
    }
  }
  return best;
}

function kindOf(group: Group, aliasOfPerson: boolean): ActorKind {
  const kinds = group.mentions.map((m) => m.kind);
  if (aliasOfPerson || group.mentions.some((m) => m.kind === 'person' && m.role !== null)) return 'person';
  const voted = mostCommon(
    kinds.filter((k): k is ActorKind => k !== null),
    (a, b) => a < b,
  );
  return voted ?? 'organization';
}

/** The words of a role, lower-cased, possessives and small words left out ("Salford MP" → salford, mp). */
function roleWords(role: string): string[] {
  return (role.toLowerCase().replace(/['’]s\b/g, '').match(/[\p{L}\p{N}-]+/gu) ?? []).filter((w) => !['the', 'a', 'an', 'of', 'for', 'and', 'in', 'at', 'to'].includes(w));
}

/** Finds, merges and counts the actors of all sources. */
export function findActors(sources: readonly Source[]): ActorIndex {
  const mentions = mentionsOf(sources);
  const excluded = new Set(
    sources.flatMap((s) => [...s.via, ...(s.author ? [s.author] : [])]).map((name) => keyOf(name)),
  );
  const acronyms = bracketAcronyms(sources.flatMap((s) => s.sentences));

  const groups = new Map<string, Group>();
  for (const m of mentions) {
    const key = acronyms.has(keyOf(m.name)) ? keyOf(acronyms.get(keyOf(m.name)) ?? m.name) : keyOf(m.name);
    if (excluded.has(key)) continue;
    const group = groups.get(key) ?? { key, mentions: [] };
    group.mentions.push(m);
    groups.set(key, group);
  }

  // A lone surname joins the one multi-word person who carries it.
  const surnames = new Map<string, string[]>();
  for (const group of groups.values()) {
    const words = group.key.split(' ');
    if (words.length > 1 && group.mentions.some((m) => m.kind === 'person')) {
      const last = words[words.length - 1] ?? '';
      surnames.set(last, [...(surnames.get(last) ?? []), group.key]);
    }
  }
  const aliases = new Map<string, string>();
  for (const group of [...groups.values()]) {
    const owners = surnames.get(group.key);
    if (group.key.includes(' ') || !owners) continue;
    // A place or an organisation ("Europe", from "European") is no one's surname.
    if (group.mentions.some((m) => m.kind === 'place' || m.kind === 'organization' || m.kind === 'group')) continue;
    if (owners.length > 1) {
      // Two people share the surname ("Michael Howard", "Andrew Howard"): each lone "Howard" joins the
      // one of them its own article names, and stays apart where the article names both or neither.
      const kept: Mention[] = [];
      for (const m of group.mentions) {
        const here = owners.filter((key) => groups.get(key)?.mentions.some((o) => o.sourceId === m.sourceId));
        const owner = here.length === 1 ? groups.get(here[0] ?? '') : undefined;
        if (owner) owner.mentions.push(m);
        else kept.push(m);
      }
      group.mentions = kept;
      if (kept.length === 0) groups.delete(group.key);
      continue;
    }
    const owner = groups.get(owners[0] ?? '');
    if (!owner || owner === group) continue;
    owner.mentions.push(...group.mentions);
    groups.delete(group.key);
    aliases.set(group.key, owner.key);
  }

  const actors: Actor[] = [];
  const byKey = new Map<string, Actor>();
  const owners = new Set(aliases.values());
  for (const group of groups.values()) {
    const kept = group.mentions.some((m) => !m.initial || m.strong || m.kind !== null);
    if (!kept) continue;
    const kind = kindOf(group, owners.has(group.key));
    // The fullest form, most often written that way: "Mark Rutte", not "Rutte".
    const names = group.mentions.map((m) => m.name.replace(/['’]s$/, ''));
    const longest = Math.max(...names.map((x) => x.split(' ').length));
    const name = mostCommon(names.filter((n) => n.split(' ').length === longest), (a, b) => a < b) ?? group.key;
    const roles = group.mentions.map((m) => m.role).filter((r): r is string => r !== null);
    const role = kind === 'person' ? (mostCommon(roles, (a, b) => a.length > b.length) ?? null) : null;
    const written = group.mentions.map((m) => m.name.trim());
    const actor: Actor = {
      id: contentId('ac', group.key),
      name,
      kind,
      role,
      roleEvidence: role === null ? null : (group.mentions.find((m) => m.role === role)?.sentenceId ?? null),
      aliases: [...new Set(written)].filter((w) => w !== name).sort((a, b) => a.localeCompare(b)),
      mentions: group.mentions.length,
      sources: [...new Set(group.mentions.map((m) => m.sourceId))],
      evidence: [...new Set(group.mentions.map((m) => m.sentenceId))],
    };
    actors.push(actor);
    byKey.set(group.key, actor);
  }
  for (const [alias, owner] of aliases) {
    const actor = byKey.get(owner);
    if (actor) byKey.set(alias, actor);
  }
  for (const [acronym, long] of acronyms) {
    const actor = byKey.get(keyOf(long));
    if (actor) byKey.set(acronym, actor);
  }
  actors.sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));

  // Each mention by the actor of the group it ended in (a lone "Howard" may have joined "Michael Howard").
  const actorOf = new Map<Mention, Actor>();
  for (const group of groups.values()) {
    const actor = byKey.get(group.key);
    if (actor) for (const m of group.mentions) actorOf.set(m, actor);
  }
  const persons = new Map<string, Array<{ position: number; actor: Actor }>>();
  for (const m of mentions) {
    const actor = actorOf.get(m) ?? byKey.get(keyOf(m.name));
    if (!actor || actor.kind !== 'person') continue;
    const list = persons.get(m.sentenceId) ?? [];
    if (!list.some((p) => p.actor === actor)) list.push({ position: m.position, actor });
    persons.set(m.sentenceId, list);
  }

  const resolve = (written: string, sourceId?: string): Actor | null => {
    if (sourceId !== undefined) {
      const bare = classifyWords(written.split(/\s+/).filter(Boolean))?.name ?? written;
      if (!bare.trim().includes(' ')) {
        const here = (surnames.get(keyOf(bare)) ?? []).map((key) => byKey.get(key)).filter((a): a is Actor => a !== undefined && a.sources.includes(sourceId));
        if (new Set(here).size === 1) return here[0] as Actor;
      }
    }
    const direct = byKey.get(keyOf(written));
    if (direct) return direct;
    const classified = classifyWords(written.split(/\s+/).filter(Boolean));
    if (!classified) return null;
    const named = byKey.get(keyOf(classified.name));
    if (named) return named;
    // A lower-case role before the name ("pollster Dana Whitfield"): the capitalised words at the end.
    // (Word by word: a pattern over the whole phrase backtracks exponentially on a line in capitals.)
    const words = written.trim().split(/\s+/);
    const capitals = words.length - [...words].reverse().findIndex((w) => !/^\p{Lu}[\p{L}'’.-]*$/u.test(w));
    const tail = (capitals > words.length ? words : words.slice(capitals)).join(' ');
    const tailed = tail && tail !== written.trim() ? byKey.get(keyOf(tail)) : undefined;
    if (tailed) return tailed;
    const last = classified.name.split(/\s+/).pop() ?? '';
    return isAcronym(last) ? null : (byKey.get(keyOf(last)) ?? null);
  };

  // Every role the text ties to a person, with the sources it is tied in.
  const roleTies: Array<{ actor: Actor; words: Set<string>; sourceId: string }> = [];
  for (const [m, actor] of actorOf) {
    if (actor.kind !== 'person' || m.role === null) continue;
    roleTies.push({ actor, words: new Set(roleWords(m.role)), sourceId: m.sourceId });
  }
  const byRole = (description: string, sourceId?: string): Actor | null => {
    const wanted = roleWords(description.replace(/^(?:the|a|an|our|their|his|her|its)\s+/i, ''));
    if (wanted.length === 0) return null;
    const holders = (ties: typeof roleTies) => [...new Set(ties.filter((t) => wanted.every((w) => t.words.has(w))).map((t) => t.actor))];
    if (sourceId !== undefined) {
      const here = holders(roleTies.filter((t) => t.sourceId === sourceId));
      if (here.length === 1) return here[0] as Actor;
      if (here.length > 1) return null;
    }
    const anywhere = holders(roleTies);
    return anywhere.length === 1 ? (anywhere[0] as Actor) : null;
  };

  return {
    actors,
    byRole,
    resolve,
    personsIn: (id) => (persons.get(id) ?? []).sort((a, b) => a.position - b.position).map((p) => p.actor),
  };
}
