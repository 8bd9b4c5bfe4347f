import { describe, expect, it } from 'vitest';
import { commandLines, isUnrunCommands } from './quick-actions';

describe('quick-action comments', () => {
  it('recognises a comment made only of commands, blank lines and CRLF included', () => {
    expect(commandLines('/promote')).toEqual(['/promote']);
    expect(commandLines('/label ~"workflow::in dev"\r\n\r\n/promote_to epic  ')).toEqual(['/label ~"workflow::in dev"', '/promote_to epic']);
  });

  it('anything else is an ordinary comment', () => {
    for (const body of ['Done. /promote', '/promote\nbecause it grew', ' /promote', '```\n/promote\n```', '/ not a command', '', '/path/to/file']) {
      expect(commandLines(body), body).toBeNull();
    }
  });

  it('a stored comment is “commands GitLab did not run” only if it holds nothing but the commands we sent', () => {
    expect(isUnrunCommands('/promote', ['/promote'])).toBe(true);
    expect(isUnrunCommands('/health_status at_risk', ['/label ~x', '/health_status at_risk'])).toBe(true);
    // Text a command produced (`/shrug`) is a real comment.
    expect(isUnrunCommands('¯\\＿(ツ)＿/¯', ['/shrug'])).toBe(false);
    expect(isUnrunCommands('/other', ['/promote'])).toBe(false);
  });
});
