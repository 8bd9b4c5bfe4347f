// What Refinery made of the page in a tab, for the popup and a bug report: what the page was recognised as (or why
// it was refused), the page's own identity markers, and which anchors each feature tried and found. It holds route
// and selector names only: never a token, a title, a body, labels, a path or a user name (paths can be user names).
import type { ForgeKind } from '../forge/model';
import * as z from '../zod';

export interface AnchorCheck {
  selector: string;
  found: boolean;
}

export interface FeatureReport {
  /** `panel`, `summary` (the list bar), `badges` (list rows). */
  feature: string;
  /** Candidates in the order tried; empty for features that place nothing. */
  anchors: AnchorCheck[];
  placed: 'anchored' | 'docked' | 'none';
  /** List pages: rows that got a badge, and links to issues the badges could not place in a row. */
  rows?: { badged: number; unplaced: number };
}

export type Recognition =
  /** The URL is not an issue, list or board page of this forge: Refinery stays away. */
  | { status: 'not-served' }
  /** A host the content script runs on but that no connection configures. */
  | { status: 'unknown-host' }
  | { status: 'recognised'; page: string }
  | { status: 'vetoed'; page: string; reason: string };

export interface PageDiagnosis {
  forge: ForgeKind;
  /** Whether the host is the public forge or a self-managed / Enterprise one (not which one). */
  host: 'built-in' | 'self-managed';
  recognition: Recognition;
  dataPage: string | null;
  routePattern: string | null;
  features: FeatureReport[];
}

export const DIAGNOSE_MESSAGE = 'refinery:diagnose' as const;

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
          placed: z.enum(['anchored', 'docked', 'none']),
          rows: z.optional(z.object({ badged: z.number(), unplaced: z.number() })),
        }),
      )
      .check(z.maxLength(10)),
  }),
);
