// Comments made only of quick actions: GitLab runs the commands it offers here and keeps the others as comment text.

const COMMAND = /^\/[a-z][a-z0-9_]*(?:[ \t].*)?$/i;

/** The command lines of a comment that holds nothing but quick actions; null when it also holds text (or code). */
export function commandLines(body: string): string[] | null {
  const lines = body
    .replace(/\r\n/g, '\n')
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== '');
  return lines.length && lines.every((l) => COMMAND.test(l)) ? lines : null;
}

/**
 * Whether a comment GitLab stored for a commands-only text is just commands it did not run (unknown on this version,
 * unlicensed on this tier, or not allowed to this user) — as opposed to text a command produced, such as `/shrug`.
 */
export function isUnrunCommands(stored: string, sent: readonly string[]): boolean {
  const left = commandLines(stored);
  return left !== null && left.every((l) => sent.includes(l));
}
