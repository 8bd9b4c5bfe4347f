// One line for a failed write, for the alert next to the control that failed.
import type { ForgeErrorData } from '@/lib/forge/errors';
import type { ForgeKind } from '@/lib/forge/model';
import { errorContent } from '@/components/panel/errorContent';

/** "Could not save the weight. Network down: offline" */
export function failureText(what: string, error: ForgeErrorData, forge?: ForgeKind): string {
  const { title } = errorContent(error, forge);
  const detail = error.message && error.message !== title ? `: ${error.message}` : '';
  return `Could not ${what}. ${title}${detail}`;
}
