// Text that comes with every article of an outlet rather than with this one: disclaimers,
// copyright, calls to subscribe, share or follow, cookie notices. It is kept out of the
// tree and the sentences, and listed on the Source so nothing disappears silently.
import type { Root, RootContent } from 'mdast';
import type { Plugin } from 'unified';
import { plainTextOf, removeNodes } from '../mdast.js';

/** Boilerplate is short; a long paragraph that mentions cookies is an article about them. */
const MAX_WORDS = 80;

const SHARE_TARGET = String.raw`(?:share|tweet|email|e-mail|print|facebook|twitter|x|linkedin|whatsapp|telegram|reddit|copy link)`;

// Each pattern names something only a publisher says to its readers, so that news about
// responsibility, copyright or cookies ("Moscow is not responsible for the attack") stays.
const PATTERNS: readonly RegExp[] = [
  // Disclaimers
  /\bnot (?:be )?(?:responsible|liable) for (?:the )?(?:content|accuracy|views|opinions|information|materials?)\b/i,
  /\bdo(?:es)? not necessarily (?:reflect|represent)\b/i,
  /\bdo(?:es)? not (?:imply|constitute)\b.*\b(?:endorsement|approval)\b/i,
  /\bfor (?:general )?informational purposes only\b/i,
  // Rights
  /\ball rights reserved\b/i,
  /^(?:©|\(c\)|copyright\b)\s*(?:©\s*)?\d{4}/i,
  /\breproduction (?:is )?(?:prohibited|forbidden|not permitted)\b/i,
  /^this (?:article|story|piece) (?:was )?(?:originally |first )?(?:published|appeared)\b/i,
  // Calls to action
  /^(?:sign up|subscribe)\b/i,
  /^(?:read more|read also|also read|see also)\b/i,
  /^(?:related(?: articles?| stories| coverage| reading)?|more on this(?: story)?)\s*[:|»>–—-]/i,
  /^share (?:this|on|via)\b/i,
  new RegExp(String.raw`^(?:${SHARE_TARGET}\b[\s|·•,/]*){2,}$`, 'i'),
  /^(?:follow|join) (?:us|our)\b/i,
  /^(?:click|tap) here\b/i,
  /^(?:advertisement|sponsored(?: content)?)$/i,
  /\b(?:may contain|contains|uses) affiliate\b/i,
  // Controls and labels of the page the text was taken from
  /^(?:\d+\s+)?comments?$/i,
  /^(?:post|leave|add|write) (?:a )?(?:comment|reply)\W*$/i,
  /^(?:close|caption|expand|collapse|previous|next|menu|loading\W*|show (?:more|less)|(?:hide|toggle) caption)$/i,
  /^(?:image|photo|picture|slide) \d+ of\b/i,
  // Credits for pictures the text no longer shows
  /^\(?(?:photo|photograph|image|picture|illustration|graphic|video)s?(?: credit)?\s*:/i,
  // Cookie notices
  /\b(?:we|this (?:site|website)) uses? cookies\b/i,
  /\b(?:accept (?:all )?cookies|cookie (?:policy|settings|preferences|notice))\b/i,
];

export function isBoilerplate(text: string): boolean {
  if (text.split(/\s+/).length > MAX_WORDS) return false;
  return PATTERNS.some((pattern) => pattern.test(text));
}

function blockText(node: RootContent): string | null {
  return node.type === 'paragraph' || node.type === 'heading' ? plainTextOf(node) : null;
}

export const dropBoilerplate: Plugin<[], Root> = function () {
  return (tree, file) => {
    const found: string[] = [];
    removeNodes(tree, (node) => {
      const text = blockText(node);
      if (text === null || !isBoilerplate(text)) return false;
      found.push(text);
      return true;
    });
    file.data.boilerplate = found;
  };
};
