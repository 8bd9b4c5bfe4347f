// What Refinery made of the page in a tab, for the popup and a bug report: what the page was recognised as (or why
// it was refused), the page's own identity markers, and which anchors each feature tried and found. It holds route
// and selector names only: never a token, a title, a body, labels, a path or a user name (paths can be user names).
// Types and the message name only: the content script imports this on every forge page, so no zod here (the popup's
// schema is in schema.ts).
import type { ForgeKind } from '../forge/model';

export interface AnchorCheck {
  selector: string;
  found: boolean;
}

export interface FeatureReport {
  /** `panel`, `sidebar` (the issue sidebar's section), `summary` (the list bar), `badges` (list rows). */
  feature: string;
  /** Candidates in the order tried; empty for features that place nothing. */
  anchors: AnchorCheck[];
  /** `fallback`: the sidebar section found no sidebar, so the full panel shows instead. */
  placed: Placement;
  /** List pages: rows that got a badge, and links to issues the badges could not place in a row. */
  rows?: { badged: number; unplaced: number };
}

export type Placement = 'anchored' | 'docked' | 'fallback' | 'none';

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
