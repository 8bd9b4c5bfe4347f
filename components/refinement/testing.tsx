// Test helpers for the refinement section (not shipped: only *.test.tsx import it).
import { useCallback, useState } from 'react';
import type { ForgeErrorKind } from '@/lib/forge/errors';
import type { Issue, Note } from '@/lib/forge/model';
import { renderChecklist, type ChecklistKind } from '@/lib/handbook/refinement/checklists';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/handbook/settings';
import type { IssueView, Result } from '@/lib/messaging';
import { gitlabRef, makeView } from '@/components/panel/fixtures';

export { answer, type Answers } from '@/components/panel/fixtures';
import { RefinementSection } from './RefinementSection';

export { gitlabRef, makeView };

export const FEATURE_DESCRIPTION = `### Problem to solve

Mirrors are updated in tight loops.

### Proposal

Rate-limit the mirror update endpoint per project and user.`;

/** An issue in refinement with a filled description, on a tier with the weight field. */
export function refinementView(over: { labels?: string[]; weight?: number | null; description?: string; type?: string } = {}): IssueView {
  const view = makeView({ labels: over.labels ?? ['workflow::refinement', 'type::feature'], weight: over.weight ?? null }, { weight: true, scopedLabels: true });
  return { ...view, issue: { ...view.issue, description: over.description ?? FEATURE_DESCRIPTION, type: over.type ?? 'issue' } };
}

export function note(id: number, body: string, username = 'alice'): Note {
  return {
    id,
    body,
    author: { id: 1, username, name: username, avatarUrl: null, webUrl: null },
    createdAt: `2026-03-0${Math.min(9, id % 10)}T10:00:00Z`,
    updatedAt: '2026-03-09T10:00:00Z',
    system: false,
  };
}

/** The handbook's checklist as a person pastes it (no marker), with the given item ids ticked. */
export const pasted = (kind: ChecklistKind, ticks: string[] = []) => renderChecklist(kind, ticks, { marker: false });

export const ok = <T,>(data: T): Result<T> => ({ ok: true, data });
export const fail = (kind: ForgeErrorKind, message: string): Result<never> => ({ ok: false, error: { kind, message } });

export function facts(notes: Note[], blockers: number | null = 0, blockersError: string | null = null) {
  return ok({ notes, blockers, blockersError });
}

export function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** Holds the view like PanelContainer does, so a write's returned issue shows up on screen. */
export function Host({ initial, settings = DEFAULT_SETTINGS }: { initial: IssueView; settings?: Readonly<Settings> }) {
  const [view, setView] = useState(initial);
  const onIssue = useCallback((issue: Issue) => setView((v) => ({ ...v, issue })), []);
  return <RefinementSection view={view} settings={settings} onIssue={onIssue} />;
}

export function withLabels(view: IssueView, labels: string[]): Issue {
  return { ...view.issue, labels };
}
