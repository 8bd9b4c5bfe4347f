// The running "Move weight labels to the weight field" / "Move workflow labels to Status" job, kept in local storage so
// that a reload, a closed tab or a failure half-way loses nothing: the list page offers to resume it. One job of each
// kind per browser profile.
import { storage } from '#imports';
import { issueRef } from '../forge/model';
import * as z from '../zod';

const result = z.object({ key: z.string(), iid: z.number(), text: z.string().check(z.maxLength(600)), ok: z.boolean() });

export const labelMoveJobSchema = z.object({
  /** The connection's base URL: the job resumes on list pages of the same forge only. */
  baseUrl: z.string(),
  /** Where the labels go ("weight field", "GitLab Status"), for the messages. */
  field: z.string().check(z.maxLength(256)),
  refs: z.array(issueRef).check(z.maxLength(100)),
  /** Issue keys (path#iid) finished, in order. */
  done: z.array(z.string()).check(z.maxLength(100)),
  results: z.array(result).check(z.maxLength(100)),
});
export type LabelMoveJob = z.infer<typeof labelMoveJobSchema>;

export type LabelMoveKind = 'weight' | 'workflow';

// Storage keys: `weightMoveJob` is the one weight moves have always used, so a job stopped before an update resumes.
const items = {
  weight: storage.defineItem<unknown>('local:weightMoveJob', { fallback: null }),
  workflow: storage.defineItem<unknown>('local:statusMoveJob', { fallback: null }),
};

export async function loadLabelMoveJob(kind: LabelMoveKind): Promise<LabelMoveJob | null> {
  const parsed = labelMoveJobSchema.safeParse(await items[kind].getValue());
  return parsed.success ? parsed.data : null;
}

export async function saveLabelMoveJob(kind: LabelMoveKind, job: LabelMoveJob | null): Promise<void> {
  await items[kind].setValue(job === null ? null : labelMoveJobSchema.parse(job));
}
