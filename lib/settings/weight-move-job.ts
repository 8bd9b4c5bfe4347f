// The running "Move weight labels to the weight field" job, kept in local storage so that a reload, a closed tab or a
// failure half-way loses nothing: the list page offers to resume it. One job per browser profile.
import { storage } from '#imports';
import { issueRef } from '../forge/model';
import * as z from '../zod';

const result = z.object({ key: z.string(), iid: z.number(), text: z.string().check(z.maxLength(600)), ok: z.boolean() });

export const weightMoveJobSchema = z.object({
  /** The connection's base URL: the job resumes on list pages of the same forge only. */
  baseUrl: z.string(),
  /** What the field is called, for the messages. */
  field: z.string().check(z.maxLength(256)),
  refs: z.array(issueRef).check(z.maxLength(100)),
  /** Issue keys (path#iid) finished, in order. */
  done: z.array(z.string()).check(z.maxLength(100)),
  results: z.array(result).check(z.maxLength(100)),
});
export type WeightMoveJob = z.infer<typeof weightMoveJobSchema>;

const item = storage.defineItem<unknown>('local:weightMoveJob', { fallback: null });

export async function loadWeightMoveJob(): Promise<WeightMoveJob | null> {
  const parsed = weightMoveJobSchema.safeParse(await item.getValue());
  return parsed.success ? parsed.data : null;
}

export async function saveWeightMoveJob(job: WeightMoveJob | null): Promise<void> {
  await item.setValue(job === null ? null : weightMoveJobSchema.parse(job));
}
