// Test helpers for the Weights section (not shipped: only *.test.tsx import it).
import { useCallback, useState, type ReactNode } from 'react';
import type { Issue } from '@/lib/forge/model';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/handbook/settings';
import type { IssueView, Result } from '@/lib/messaging';
import type { WeightPartProps } from './types';
import { useWriter } from './useWriter';

export { answer, gitlabRef, makeView, type Answers } from '@/components/panel/fixtures';

/** Holds the view like PanelContainer does, so a write's returned issue shows up on screen. */
export function Harness({
  view: initial,
  settings = DEFAULT_SETTINGS,
  children,
}: {
  view: IssueView;
  settings?: Readonly<Settings>;
  children: (props: WeightPartProps) => ReactNode;
}) {
  const [view, setView] = useState(initial);
  const writer = useWriter();
  const onIssue = useCallback((issue: Issue) => setView((v) => ({ ...v, issue })), []);
  return <>{children({ view, settings, onIssue, writer })}</>;
}

export const ok = <T,>(data: T): Result<T> => ({ ok: true, data });
export const fail = (kind: 'network' | 'forbidden' | 'forge' | 'invalid', message: string): Result<never> => ({
  ok: false,
  error: { kind, message },
});

export function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** The issue with other labels / weight, as the forge would return it after a write. */
export function withIssue(view: IssueView, over: Partial<Issue>): Issue {
  return { ...view.issue, ...over };
}
