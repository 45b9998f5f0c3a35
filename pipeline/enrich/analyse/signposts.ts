// Signposts: the conditions that decide which way things go ("will depend on", "unless", "once …").
import type { Signpost, Source, Statement } from '../../model.js';
import { contentId } from '../annotate/ids.js';
import { SIGNPOST_CUES } from '../annotate/lexicon.js';
import { nearDuplicateGroups } from '../annotate/similarity.js';
import { wordCount } from '../annotate/text.js';
import { bodySentences } from '../annotate/sentences.js';

const PATTERN = new RegExp(SIGNPOST_CUES.join('|'), 'i');
const DUPLICATE = 0.8;
const MIN_WORDS = 5;

export function namesCondition(text: string): boolean {
  return PATTERN.test(text);
}

/** Every sentence naming a condition, near-duplicates across sources merged into one with all evidence. */
export function findSignposts(sources: readonly Source[]): Signpost[] {
  const found: Statement[] = [];
  for (const source of sources) {
    for (const s of bodySentences(source)) {
      if (wordCount(s.text) < MIN_WORDS || !namesCondition(s.text)) continue;
      found.push({ text: s.text.trim(), evidence: [s.id] });
    }
  }
  return nearDuplicateGroups(
    found.map((f) => f.text),
    DUPLICATE,
  ).map((group) => {
    const members = group.map((i) => found[i] as Statement);
    const text = members[0]?.text ?? '';
    return { id: contentId('sp', text), text, evidence: members.flatMap((m) => m.evidence), storyId: null };
  });
}
