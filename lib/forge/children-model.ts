// What a parent's children look like to the Plan section (issue 18): each child's own fields and its newest comments,
// read for all children of a parent in one GraphQL request per page (Forge.listChildren). Forge data: hostile, bounded.
import * as z from '@/lib/zod';
import { healthStatus, issueRef } from './model';

/** Longest comment body kept: status updates are a few lines; a longer comment is cut (and read as not an update). */
export const MAX_CHILD_COMMENT = 20_000;
/** Newest comments kept per child: the latest status update is looked for among them, and the one before it. */
export const CHILD_COMMENTS = 5;
/** Children read at most (all levels): the first pages; the rest are counted in `leftOut`. */
export const MAX_CHILDREN = 300;

export const childComment = z.deferred(() =>
  z.object({
    body: z.string().check(z.maxLength(MAX_CHILD_COMMENT)),
    createdAt: z.string().check(z.maxLength(64)),
    author: z.string().check(z.maxLength(255)),
  }),
);
export type ChildComment = z.infer<typeof childComment>;

const count = z.deferred(() => z.number().check(z.int(), z.nonnegative(), z.lte(1_000_000)));
const weightNumber = z.deferred(() => z.nullable(z.number().check(z.int(), z.nonnegative(), z.lte(1_000_000))));

export const planChild = z.deferred(() =>
  z.object({
    ref: issueRef,
    /** `group/project#12`, `owner/repo#3`, `group&4`: how the forge writes a reference to it. */
    reference: z.string().check(z.maxLength(1100)),
    title: z.string().check(z.maxLength(1024)),
    webUrl: z.string().check(z.maxLength(2048)),
    state: z.enum(['opened', 'closed']),
    closedAt: z.nullable(z.string().check(z.maxLength(64))),
    labels: z.array(z.string().check(z.maxLength(255))).check(z.maxLength(100)),
    /** The forge's weight field (GitLab Premium+); null where unset or absent (labels are read then). */
    weight: weightNumber,
    splitWeights: z.optional(z.object({ backend: weightNumber, frontend: weightNumber })),
    /** Open items blocking it (GitLab's linked items; GitHub's dependencies); absent where the forge does not say. */
    blockedBy: z.optional(count),
    /** The forge's health field (GitLab Ultimate); null elsewhere (labels and updates are read then). */
    healthStatus: z.nullable(healthStatus),
    type: z.string().check(z.maxLength(100)),
    /** 1: a child of the parent; 2: a child's child… */
    depth: z.number().check(z.int(), z.gte(1), z.lte(5)),
    /** The `reference` of the child this one is under; null for the parent's own children. */
    under: z.nullable(z.string().check(z.maxLength(1100))),
    /** Its own children not read (a level deeper than the query goes, or past its first page). */
    unreadChildren: count,
    /** Its newest comments (at most CHILD_COMMENTS, oldest first; not system notes). */
    comments: z.array(childComment).check(z.maxLength(CHILD_COMMENTS)),
  }),
);
export type PlanChild = z.infer<typeof planChild>;

export const childrenRead = z.deferred(() =>
  z.object({
    /** How the children were found. */
    source: z.enum(['sub-issues', 'task-list', 'hierarchy']),
    parent: z.object({
      weight: weightNumber,
      /** GitLab's own roll-up of the descendants' weights, where it gives one. */
      rolledUpWeight: z.optional(weightNumber),
      rolledUpCompletedWeight: z.optional(weightNumber),
    }),
    children: z.array(planChild).check(z.maxLength(MAX_CHILDREN)),
    /** Children the token cannot read: how many, and their references where the forge names them. */
    unreadable: z.object({
      count,
      names: z.array(z.string().check(z.maxLength(1100))).check(z.maxLength(100)),
      /** False where the forge cannot count them (a GitLab before 17.3): there may be some, none counted. */
      counted: z.optional(z.boolean()),
    }),
    /** Children (any level) not read: more than the pages read; the parent has them all the same. */
    leftOut: count,
    /** API requests this read cost. */
    requests: count,
    /** Pull requests a tracking issue's task list links: not children (no weight, no update), so not in the figures. */
    pullRequests: z.optional(count),
  }),
);
export type ChildrenRead = z.infer<typeof childrenRead>;
