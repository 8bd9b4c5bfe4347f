// A stable identity for an issue ref, whatever object the caller passes on each render.
import type { IssueRef } from '@/lib/forge/model';

export function refKey(ref: IssueRef): string {
  const { forge, baseUrl, container, path, iid, kind } = ref;
  return JSON.stringify({ forge, baseUrl, container, path, iid, kind: kind ?? 'issue' });
}
