// The popup checks a tab's diagnosis with this schema: the answer comes from a content script in a page we do not
// control. Kept apart from model.ts so the content script does not load zod.
import * as z from '../zod';

// Checked in the popup: the answer comes from a content script, which runs in a page we do not control.
const text = (max: number) => z.string().check(z.maxLength(max));
export const pageDiagnosis = z.deferred(() =>
  z.object({
    forge: z.enum(['gitlab', 'github']),
    host: z.enum(['built-in', 'self-managed']),
    recognition: z.discriminatedUnion('status', [
      z.object({ status: z.literal('not-served') }),
      z.object({ status: z.literal('unknown-host') }),
      z.object({ status: z.literal('recognised'), page: text(60) }),
      z.object({ status: z.literal('vetoed'), page: text(60), reason: text(300) }),
    ]),
    dataPage: z.nullable(text(200)),
    routePattern: z.nullable(text(300)),
    features: z
      .array(
        z.object({
          feature: text(40),
          anchors: z.array(z.object({ selector: text(200), found: z.boolean() })).check(z.maxLength(40)),
          placed: z.enum(['anchored', 'docked', 'fallback', 'none']),
          rows: z.optional(z.object({ badged: z.number(), unplaced: z.number() })),
        }),
      )
      .check(z.maxLength(10)),
  }),
);
