// Our own comment editor, for pages where no editor of the forge's can be reached. What is typed is kept in the
// component and, debounced, in extension storage until the forge confirms the post, so a failed post, a reload or a
// closed tab loses nothing. A post whose outcome is unknown (network, 5xx) is looked for before posting again.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { ForgeErrorKind } from '@/lib/forge/errors';
import type { IssueRef } from '@/lib/forge/model';
import { onLeavingPage } from '@/components/app/onLeavingPage';
import { removeDraft, saveDraft } from '@/lib/drafts/store';
import { unfilledPlaceholders } from '@/lib/handbook/templates/templates';
import { call } from '@/lib/messaging';
import { insertBlock } from '@/lib/page/editor';
import { failureText } from '@/components/weights/errorText';
import type { Writer } from '@/components/weights/useWriter';

export interface DraftValue {
  text: string;
}

export interface InsertRequest {
  text: string;
  /** Increases with every request, so the same text can be inserted twice. */
  seq: number;
}

export interface OwnEditorProps {
  issueRef: IssueRef;
  draftKey: string;
  writer: Writer;
  /** The restored draft's text, or ''. */
  initial: string;
  request: InsertRequest | null;
  onPosted: (body: string) => void;
}

type Post =
  | { status: 'idle' }
  | { status: 'posting' }
  | { status: 'posted' }
  | { status: 'failed'; text: string }
  | { status: 'placeholders'; body: string; names: string[] };

/** Failures after which the comment may exist anyway (the request may have reached the forge). */
const UNCERTAIN: ReadonlySet<ForgeErrorKind> = new Set(['network', 'forge', 'unknown', 'rate-limited']);
const SAVE_DELAY_MS = 400;

export function OwnEditor({ issueRef, draftKey, writer, initial, request, onPosted }: OwnEditorProps) {
  const [text, setText] = useState(initial);
  const [post, setPost] = useState<Post>({ status: 'idle' });
  const [empty, setEmpty] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);
  const touched = useRef(initial !== ''); // a restored draft's caret is not the user's: insert at the end
  const caretAfter = useRef<number | null>(null);
  const uncertain = useRef(false);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef(text); // the text as of the last change, for timers and the unmount flush
  const id = useId();

  const persist = (value: string) => {
    if (value.trim() === '') void removeDraft(draftKey).catch(() => undefined);
    else void saveDraft<DraftValue>(draftKey, { text: value }).catch(() => undefined);
  };
  const schedule = (value: string) => {
    if (pending.current) clearTimeout(pending.current);
    pending.current = setTimeout(() => {
      pending.current = null;
      persist(value);
    }, SAVE_DELAY_MS);
  };
  const flush = () => {
    if (!pending.current) return;
    clearTimeout(pending.current);
    pending.current = null;
    persist(latest.current);
  };
  // Leaving (another issue, the panel closing, a reload, the tab closing) must not drop the last keystrokes.
  useEffect(() => {
    const stop = onLeavingPage(flush);
    return () => {
      stop();
      flush();
    };
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  const update = (value: string) => {
    latest.current = value;
    setText(value);
    schedule(value);
    if (post.status !== 'posting') setPost({ status: 'idle' });
  };

  const handled = useRef(0);
  useEffect(() => {
    if (!request || request.seq === handled.current) return;
    handled.current = request.seq;
    const el = field.current;
    const current = latest.current;
    const at = el && touched.current ? el.selectionEnd : current.length;
    const next = insertBlock(current, at, request.text);
    caretAfter.current = next.caret;
    update(next.value);
  }, [request]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    const el = field.current;
    if (el && caretAfter.current !== null) {
      el.focus();
      el.setSelectionRange(caretAfter.current, caretAfter.current);
      caretAfter.current = null;
    }
  }, [text]);

  const alreadyPosted = async (body: string): Promise<boolean> => {
    const notes = await call('listNotes', { ref: issueRef, fresh: true });
    return notes.ok && notes.data.some((n) => !n.system && n.body.trim() === body.trim());
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (writer.busy) return;
    const body = text;
    if (body.trim() === '') {
      setEmpty(true);
      field.current?.focus();
      return;
    }
    setEmpty(false);
    const names = unfilledPlaceholders(body);
    if (names.length > 0 && !(post.status === 'placeholders' && post.body === body)) {
      setPost({ status: 'placeholders', body, names });
      return;
    }
    setPost({ status: 'posting' });
    flush();
    const r = await writer.run(async () => {
      if (uncertain.current && (await alreadyPosted(body))) return { ok: true as const, data: null };
      return call('createNote', { ref: issueRef, body });
    });
    if (r === null) return setPost({ status: 'idle' });
    if (!r.ok) {
      uncertain.current = uncertain.current || UNCERTAIN.has(r.error.kind);
      persist(body); // kept until the forge confirms
      return setPost({ status: 'failed', text: failureText('post the comment', r.error, issueRef.forge) });
    }
    uncertain.current = false;
    if (pending.current) clearTimeout(pending.current);
    pending.current = null;
    await removeDraft(draftKey).catch(() => undefined);
    touched.current = false;
    latest.current = '';
    setText(''); // posted: the same text must not go out twice
    setPost({ status: 'posted' });
    onPosted(body);
  };

  const discard = () => {
    if (writer.busy) return;
    update('');
    touched.current = false;
  };

  return (
    <form className="own-editor" aria-label="Comment on the issue" onSubmit={(e) => void submit(e)} noValidate>
      <label htmlFor={`${id}-text`}>Comment</label>
      <textarea
        id={`${id}-text`}
        ref={field}
        rows={10}
        value={text}
        aria-invalid={empty}
        aria-describedby={empty ? `${id}-empty` : undefined}
        onFocus={() => (touched.current = true)}
        onChange={(e) => update(e.target.value)}
      />
      {empty && (
        <p className="alert" role="alert" id={`${id}-empty`}>
          Write the comment before posting.
        </p>
      )}
      {post.status === 'placeholders' && (
        <p className="alert" role="alert">
          The comment still mentions {post.names.join(', ')}. Replace {post.names.length > 1 ? 'them' : 'it'} with a
          real name, or post again to post it as it is.
        </p>
      )}
      <div className="row">
        <button type="submit" className="primary" aria-disabled={writer.busy}>
          Post comment
        </button>
        <button type="button" aria-disabled={writer.busy || text === ''} onClick={discard}>
          Discard comment
        </button>
        <p className="status" role="status">
          {post.status === 'posting' && 'Posting…'}
          {post.status === 'posted' && 'Comment posted.'}
        </p>
      </div>
      {post.status === 'failed' && (
        <p className="alert" role="alert">
          {post.text} Your text is kept; post again when the forge answers.
        </p>
      )}
    </form>
  );
}
