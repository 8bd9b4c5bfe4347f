// Turns a typed failure into words a person understands and the one thing they can do about it.
import type { ForgeErrorData } from '@/lib/forge/errors';
import type { ForgeKind } from '@/lib/forge/model';

export type ErrorAction = 'fix-token' | 'connect' | 'retry' | null;

export interface ErrorContent {
  title: string;
  help: string;
  action: ErrorAction;
}

const FORGE_NAME: Record<ForgeKind, string> = { gitlab: 'GitLab', github: 'GitHub' };

/** `HH:MM` in the user's time zone. */
export function clockTime(epochMs: number): string {
  const d = new Date(epochMs);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

export function errorContent(error: ForgeErrorData, forge?: ForgeKind): ErrorContent {
  const name = forge ? FORGE_NAME[forge] : 'GitLab/GitHub';
  switch (error.kind) {
    case 'auth':
      return {
        title: `Refinery can't sign in to ${forge ? FORGE_NAME[forge] : 'this forge'}`,
        help: 'The token is missing, expired or was revoked. Set a new one in Refinery’s options.',
        action: 'fix-token',
      };
    case 'no-connection':
      return {
        title: `This ${name} host isn't connected`,
        help: 'Add it in Refinery’s options with a personal access token to see weights, workflow and health here.',
        action: 'connect',
      };
    case 'forbidden':
      return {
        title: 'Read-only: your token isn’t allowed to do this',
        help: 'Ask for more access in this project, or use a token with more permissions.',
        action: null,
      };
    case 'not-found':
      return {
        title: 'Issue not found',
        help: 'It may have been moved or deleted, or your token can’t see this project.',
        action: null,
      };
    case 'rate-limited':
      return {
        title:
          error.retryAt === undefined
            ? 'Rate limited — try again in a few minutes'
            : `Rate limited — try again after ${clockTime(error.retryAt)}`,
        help: 'The forge limits how many requests one token can make.',
        action: 'retry',
      };
    case 'network':
      return {
        title: 'Network down',
        help: 'Refinery couldn’t reach the forge. Check your connection, then retry.',
        action: 'retry',
      };
    case 'forge':
      return {
        title: `${forge ? FORGE_NAME[forge] : 'The forge'} had a problem${error.status ? ` (error ${error.status})` : ''}`,
        help: 'This is on the forge’s side and usually passes. Retry in a moment.',
        action: 'retry',
      };
    case 'conflict':
      return { title: 'The issue changed meanwhile', help: 'Reload it to see the latest version.', action: 'retry' };
    case 'invalid':
      return { title: 'Something went wrong', help: error.message, action: null };
    case 'unknown':
      return { title: 'Something went wrong', help: error.message, action: 'retry' };
  }
}
