// Failure text for the options page, where the fix is right here rather than "go to the options".
import type { ForgeErrorData } from '@/lib/forge/errors';
import { clockTime } from '@/components/panel/errorContent';

export function describeError(error: ForgeErrorData): string {
  switch (error.kind) {
    case 'auth':
      return 'The token was refused: it is missing, expired or revoked. Set a new token.';
    case 'forbidden':
      return `The token lacks a permission Refinery needs. ${error.message}`.trim();
    case 'network':
      return 'Could not reach the server. Check the address and your network, then try again.';
    case 'rate-limited':
      return error.retryAt === undefined
        ? 'Rate limited — try again in a few minutes.'
        : `Rate limited — try again after ${clockTime(error.retryAt)}.`;
    case 'forge':
      return `The server had a problem${error.status ? ` (error ${error.status})` : ''}. Try again in a moment.`;
    case 'no-connection':
      return 'This connection no longer exists. Reload this page.';
    default:
      return error.message || 'Something went wrong.';
  }
}
