// What a page feature is to the content script: started for a recognised page, told about in-page navigation,
// DOM changes (coalesced) and theme changes, and stopped without leaving anything behind.
import type { DiagnosisBoard } from '@/lib/diagnostics/board';
import type { PageRef } from '@/lib/page';
import type { Theme } from '../shadow/mountShadowUi';

export interface FeatureInstance<P extends PageRef = PageRef> {
  /** Another page of the same type (in-page navigation): adapt in place. */
  update(page: P): void;
  /** The host page's DOM changed (at most once per animation frame). */
  onDomChange(): void;
  setTheme(theme: Theme): void;
  stop(): void;
}

export interface PageFeature<P extends PageRef = PageRef> {
  id: string;
  /** Which recognised pages this feature serves. */
  serves(page: PageRef): page is P;
  /** `board`: where the feature reports, for the popup's diagnostics, where it looked and what it found. */
  start(page: P, board?: DiagnosisBoard | null): FeatureInstance<P>;
}
