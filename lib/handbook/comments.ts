// The comments the handbook asks for instead of a weight (Source Code BE "Weighting issues"):
// "If the issue SSOT is not clear: don't assign a weight, instead add a comment indicating what needs clarification
// and ping the EM and PM." / "If the issue needs a spike: don't assign a weight, instead add a comment about the need
// for a spike (and possibly what would be investigated) and ping the EM or PM. Spikes are scheduled with a weight of 2."
// Pure: the UI posts the text as an ordinary note.

export type CantWeightReason = 'clarification' | 'spike';

export interface CommentDraft {
  /** What needs clarifying, or what the spike would investigate, as the user typed it (Markdown). */
  details: string;
  /** Usernames to mention, with or without a leading `@`. */
  mentions: readonly string[];
}

/** `@a @b`, without duplicates or empty names; an empty string when nobody is mentioned. */
export function mentionLine(usernames: readonly string[]): string {
  const names = usernames.map((u) => u.trim().replace(/^@+/, '')).filter((u) => u !== '');
  return [...new Set(names)].map((u) => `@${u}`).join(' ');
}

/**
 * The user's text as a Markdown quote. Quoting keeps a line such as "/close" from running as a GitLab quick action:
 * the user is describing a problem, not issuing commands.
 */
export function quote(text: string): string {
  return text
    .trim()
    .split(/\r?\n/)
    .map((line) => (line.trim() === '' ? '>' : `> ${line}`))
    .join('\n');
}

function compose(lead: string, heading: string, draft: CommentDraft, closing: string): string {
  const mentions = mentionLine(draft.mentions);
  const first = mentions ? `${mentions} ${lead}` : lead.charAt(0).toUpperCase() + lead.slice(1);
  return [first, `**${heading}**`, quote(draft.details), closing].join('\n\n');
}

/** "SSOT is not clear": what needs clarification, pinging the EM and PM. */
export function clarificationComment(draft: CommentDraft): string {
  return compose(
    'this issue needs clarification before it can be weighted.',
    'What needs clarification:',
    draft,
    "I'm leaving the weight unset until this is clear.",
  );
}

/** "Needs a spike": what the spike would investigate, pinging the EM or PM. */
export function spikeComment(draft: CommentDraft): string {
  return compose(
    'this issue needs a spike before it can be weighted.',
    'What the spike would investigate:',
    draft,
    "I'm leaving the weight unset for now. Spikes are timeboxed and scheduled with a weight of 2.",
  );
}

export function cantWeightComment(reason: CantWeightReason, draft: CommentDraft): string {
  return reason === 'spike' ? spikeComment(draft) : clarificationComment(draft);
}
