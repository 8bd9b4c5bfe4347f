// The refinement part of the issue panel: the checklist (its comment, the data's answers) and the workflow stepper
// with "Finish refinement". Reads the issue's comments and blockers once per issue (one getChecklist) and the
// project's labels once (for its workflow labels); epics get the stepper only.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { SectionProps } from '@/components/panel/sections';
import { refKey } from '@/components/panel/refKey';
import { failureText } from '@/components/weights/errorText';
import { useWriter } from '@/components/weights/useWriter';
import type { ForgeErrorData } from '@/lib/forge/errors';
import type { Issue, IssueRef, Note } from '@/lib/forge/model';
import { boxesToTick } from '@/lib/handbook/refinement/checklist-evaluate';
import { call } from '@/lib/messaging';
import { ChecklistSection, type FactsLoad } from './ChecklistSection';
import { refinementStyles } from './styles';
import { FinishRefinement, type Fresh } from './FinishRefinement';
import { evaluate, type Facts } from './model';
import { StatusWorkflowSection } from './StatusWorkflowSection';
import { WorkflowSection } from './WorkflowSection';

type Load = { status: 'loading' } | { status: 'failed'; error: ForgeErrorData } | { status: 'ready'; facts: Facts };

function withNote(facts: Facts, note: Note): Facts {
  const known = facts.notes.some((n) => n.id === note.id);
  return { ...facts, notes: known ? facts.notes.map((n) => (n.id === note.id ? note : n)) : [...facts.notes, note] };
}

export function RefinementSection({ view, settings, onIssue }: SectionProps) {
  const { issue, capabilities } = view;
  const key = refKey(issue.ref);
  const epic = issue.ref.kind === 'epic' || issue.ref.container === 'group';
  const writer = useWriter();
  const [attempt, setAttempt] = useState(0);
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [lost, setLost] = useState<string | null>(null);
  const [projectLabels, setProjectLabels] = useState<string[]>([]);

  useEffect(() => {
    if (epic) return;
    let live = true;
    const ref = JSON.parse(key) as IssueRef;
    call('getChecklist', { ref }).then((r) => {
      if (live) setLoad(r.ok ? { status: 'ready', facts: r.data } : { status: 'failed', error: r.error });
    });
    return () => {
      live = false;
    };
  }, [key, attempt, epic]);

  useEffect(() => {
    let live = true;
    call('listLabels', { ref: JSON.parse(key) as IssueRef }).then((r) => {
      // Without them the stepper shows the handbook's stages and the issue's own labels.
      if (live && r.ok) setProjectLabels(r.data.map((l) => l.name));
    });
    return () => {
      live = false;
    };
  }, [key]);

  const checklistLoad: FactsLoad = useMemo(
    () => (load.status === 'ready' ? { status: 'ready', evaluated: evaluate(issue, capabilities, load.facts, settings) } : load),
    [load, issue, capabilities, settings],
  );

  const onNote = useCallback((note: Note) => {
    setLost(null);
    setLoad((prev) => (prev.status === 'ready' ? { status: 'ready', facts: withNote(prev.facts, note) } : prev));
  }, []);

  const onDeleted = useCallback((noteId: number, body: string) => {
    setLost(body);
    setLoad((prev) => (prev.status === 'ready' ? { status: 'ready', facts: { ...prev.facts, notes: prev.facts.notes.filter((n) => n.id !== noteId) } } : prev));
  }, []);

  const reload = useCallback(async (): Promise<Fresh | { error: ForgeErrorData }> => {
    const r = await call('getChecklist', { ref: issue.ref, fresh: true });
    if (!r.ok) return { error: r.error };
    setLoad({ status: 'ready', facts: r.data });
    return { facts: r.data, evaluated: evaluate(issue, capabilities, r.data, settings) };
  }, [issue, capabilities, settings]);

  /** Ticks the boxes the data decides now (the ready label just set), so the comment is true for teammates too. */
  const afterFinish = useCallback(
    async (after: Issue, facts: Facts): Promise<string | null> => {
      const { checklist, found, evaluations } = evaluate(after, capabilities, facts, settings);
      if (!checklist || !found) return null;
      const texts = boxesToTick(checklist, evaluations);
      if (texts.length === 0) return null;
      const ticks = texts.map((itemText) => ({ itemText, checked: true }));
      const r = await call('tickChecklist', { ref: after.ref, noteId: found.note.id, base: found.note.body, ticks });
      if (r.ok) {
        onNote(r.data.note);
        return null;
      }
      return failureText('tick the decided boxes in the checklist comment', r.error, after.ref.forge);
    },
    [capabilities, settings, onNote],
  );

  // Where the GitLab namespace has statuses the stepper moves the status; elsewhere the workflow:: label.
  const Workflow = capabilities.statuses?.length ? StatusWorkflowSection : WorkflowSection;

  const retry = useCallback(() => {
    setLoad({ status: 'loading' });
    setAttempt((a) => a + 1);
  }, []);

  return (
    <div className="refinement">
      <style>{refinementStyles}</style>
      {!epic && (
        <ChecklistSection view={view} settings={settings} load={checklistLoad} onRetry={retry} onNote={onNote} onDeleted={onDeleted} lost={lost} />
      )}
      <Workflow view={view} settings={settings} projectLabels={projectLabels} writer={writer} onIssue={onIssue}>
        {!epic && (
          <FinishRefinement
            view={view}
            settings={settings}
            projectLabels={projectLabels}
            writer={writer}
            onIssue={onIssue}
            reload={reload}
            afterFinish={afterFinish}
          />
        )}
      </Workflow>
    </div>
  );
}
