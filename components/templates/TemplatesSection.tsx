// The Templates part of the issue panel: "Insert implementation plan" (with a reviewer from the project's members),
// the menu of the handbook's other texts, and our own editor where the page has none. A plan that gets posted with
// ticked Dependencies boxes is followed by an offer to add the matching labels.
import { useEffect, useId, useRef, useState } from 'react';
import type { Note } from '@/lib/forge/model';
import { draftKey, loadDraft } from '@/lib/drafts/store';
import {
  DEFAULT_TEMPLATES,
  dependencyLabels,
  fillReviewer,
  hasPlanHeading,
  unfilledPlaceholders,
  type Template,
} from '@/lib/handbook/templates/templates';
import { call } from '@/lib/messaging';
import { findCommentEditor, insertAtCursor, trackEditorFocus, type PageEditor } from '@/lib/page/editor';
import type { SectionProps } from '@/components/panel/sections';
import { PeoplePicker } from '@/components/weights/PeoplePicker';
import { useWriter } from '@/components/weights/useWriter';
import { LabelOffer } from './LabelOffer';
import { TypeOffer } from './TypeOffer';
import { OwnEditor, type DraftValue, type InsertRequest } from './OwnEditor';
import { templatesStyles } from './styles';
import { TemplateMenu } from './TemplateMenu';
import { useTemplates } from './useTemplates';
import { watchPostedPlan } from './watchPostedPlan';

export const PLAN_ID = 'implementation-plan';
const TRACKING_ID = 'tracking-issue';

type Notice =
  | { kind: 'inserted' | 'own' | 'insert-failed'; title: string; leftover: string[] }
  | { kind: 'restored' };

interface Watch {
  editor: PageEditor;
  since: number;
  known: Promise<ReadonlySet<number> | null>;
}

function noticeText(n: Notice): string {
  if (n.kind === 'restored') return 'Your unposted comment was restored below.';
  const leftover = n.leftover.length ? ` Replace ${n.leftover.join(', ')} before posting.` : '';
  if (n.kind === 'inserted') return `Inserted “${n.title}” into the comment editor.${leftover}`;
  if (n.kind === 'own') return `No comment editor found on this page: “${n.title}” is in the editor below.${leftover}`;
  return `The page's comment editor did not take the text: “${n.title}” is in the editor below instead.${leftover}`;
}

export function TemplatesSection({ view, onIssue }: SectionProps) {
  const ref = view.issue.ref;
  const templates = useTemplates();
  const writer = useWriter();
  const [key] = useState(() => draftKey(ref, 'plan')); // the panel remounts this section for another issue
  const [reviewer, setReviewer] = useState<string | null>(null);
  const [pickerOpen, setPickerOpen] = useState(false);
  const [pickerUsed, setPickerUsed] = useState(false); // members load on first open, then stay
  const [notice, setNotice] = useState<Notice | null>(null);
  const [restored, setRestored] = useState<string | null>(null);
  const [ownOpen, setOwnOpen] = useState(false);
  const [request, setRequest] = useState<InsertRequest | null>(null);
  const [offer, setOffer] = useState<{ labels: string[]; seq: number } | null>(null);
  const [typeOffer, setTypeOffer] = useState<number | null>(null);
  const [watch, setWatch] = useState<Watch | null>(null);
  const labels = useRef(view.issue.labels);
  const inserting = useRef(false); // a double click must not insert twice
  const id = useId();

  useEffect(() => {
    labels.current = view.issue.labels;
  }, [view.issue.labels]);
  useEffect(() => trackEditorFocus(document), []);

  useEffect(() => {
    let live = true;
    loadDraft<DraftValue>(key).then(
      (d) => {
        if (!live) return;
        const text = typeof d?.value?.text === 'string' ? d.value.text : '';
        setRestored(text);
        if (text.trim() !== '') {
          setOwnOpen(true);
          setNotice({ kind: 'restored' });
        }
      },
      () => live && setRestored(''),
    );
    return () => {
      live = false;
    };
  }, [key]);

  const offerFor = (body: string) => {
    if (!hasPlanHeading(body)) return;
    const wanted = dependencyLabels(body, labels.current);
    if (wanted.length > 0) setOffer((o) => ({ labels: wanted, seq: (o?.seq ?? 0) + 1 }));
  };

  useEffect(() => {
    if (!watch) return;
    let stop: (() => void) | null = null;
    let live = true;
    watch.known.then((known) => {
      if (!live) return;
      stop = watchPostedPlan({
        editor: watch.editor,
        known,
        since: watch.since,
        listNotes: async () => {
          const r = await call('listNotes', { ref, fresh: true });
          return r.ok ? r.data : null;
        },
        onPosted: (note: Note) => offerFor(note.body),
      });
    });
    return () => {
      live = false;
      stop?.();
    };
  }, [watch]); // eslint-disable-line react-hooks/exhaustive-deps

  const insert = async (t: Template) => {
    if (inserting.current) return;
    inserting.current = true;
    try {
      await insertNow(t);
    } finally {
      inserting.current = false;
    }
  };

  const insertNow = async (t: Template) => {
    const isPlan = t.id === PLAN_ID;
    // GitHub organisations type their issues: a tracking issue is usually a Feature or a Task.
    if (t.id === TRACKING_ID && ref.forge === 'github') setTypeOffer((n) => (n ?? 0) + 1);
    const text = isPlan && reviewer ? fillReviewer(t.body, reviewer) : t.body;
    const leftover = unfilledPlaceholders(text);
    const editor = ownOpen ? null : findCommentEditor(document, ref.forge);
    if (editor) {
      // The notes before the post, so the plan the user then posts is told apart from older ones.
      const known = isPlan
        ? call('listNotes', { ref, fresh: true }).then((r) => (r.ok ? new Set(r.data.map((n) => n.id)) : null))
        : null;
      const since = Date.now();
      const result = await insertAtCursor(editor, text);
      if (result.ok) {
        setNotice({ kind: 'inserted', title: t.title, leftover });
        if (known) setWatch({ editor, since, known });
        return;
      }
      setNotice({ kind: 'insert-failed', title: t.title, leftover });
    } else {
      setNotice({ kind: 'own', title: t.title, leftover });
    }
    setOwnOpen(true);
    setRequest((r) => ({ text, seq: (r?.seq ?? 0) + 1 }));
  };

  const plan = templates.find((t) => t.id === PLAN_ID) ?? DEFAULT_TEMPLATES[0]!;
  const others = templates.filter((t) => t.id !== PLAN_ID);

  return (
    <section className="templates" data-refinery="templates" aria-labelledby={`${id}-title`}>
      <style>{templatesStyles}</style>
      <h3 className="section-title" id={`${id}-title`}>
        Templates
      </h3>
      <div className="row">
        <button type="button" className="primary" onClick={() => void insert(plan)}>
          Insert implementation plan
        </button>
        <TemplateMenu templates={others} onPick={(t) => void insert(t)} />
        <button
          type="button"
          aria-expanded={pickerOpen}
          aria-controls={`${id}-reviewer`}
          onClick={() => {
            setPickerOpen((o) => !o);
            setPickerUsed(true);
          }}
        >
          Pick a reviewer
        </button>
      </div>
      <div id={`${id}-reviewer`} className="reviewer" hidden={!pickerOpen}>
        {pickerUsed && (
          <PeoplePicker
            legend="Reviewer"
            issueRef={ref}
            selected={reviewer ? [reviewer] : []}
            onChange={(list) => setReviewer(list.filter((u) => u !== reviewer).at(-1) ?? null)}
          />
        )}
        <p className="hint">The plan asks the reviewer for a review instead of @engineer_username.</p>
      </div>
      <p className="status" role="status">
        {notice && noticeText(notice)}
      </p>
      {ownOpen && restored !== null && (
        <OwnEditor
          issueRef={ref}
          draftKey={key}
          writer={writer}
          initial={restored}
          request={request}
          onPosted={(body) => {
            setNotice(null);
            offerFor(body);
          }}
        />
      )}
      {typeOffer !== null && (
        <TypeOffer key={typeOffer} issueRef={ref} currentType={view.issue.type} writer={writer} onIssue={onIssue} onDismiss={() => setTypeOffer(null)} />
      )}
      {offer && (
        <LabelOffer
          key={offer.seq}
          issueRef={ref}
          labels={offer.labels}
          writer={writer}
          onIssue={onIssue}
          onDismiss={() => setOffer(null)}
        />
      )}
    </section>
  );
}
