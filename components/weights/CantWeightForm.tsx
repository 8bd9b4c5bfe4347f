// The "Can't weight yet" form (CantWeight.tsx loads it when first opened): a comment saying what needs clarification
// (or that a spike is needed) that pings the EM and PM. The draft survives closing the form and failed posts.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { cantWeightComment, type CantWeightReason } from '@/lib/handbook/comments';
import { call } from '@/lib/messaging';
import { failureText } from './errorText';
import { PeoplePicker } from './PeoplePicker';
import type { WeightPartProps } from './types';

type Post = { status: 'idle' } | { status: 'posting' } | { status: 'posted' } | { status: 'failed'; text: string };

const TEXT_LABEL: Record<CantWeightReason, string> = {
  clarification: 'What needs clarifying',
  spike: 'What the spike would investigate',
};

export interface CantWeightFormProps extends Pick<WeightPartProps, 'view' | 'writer'> {
  /** The form element's id (the toggle's aria-controls). */
  id: string;
  open: boolean;
  /** Changes when another part (a finding's "Ask for clarification") opens the form: focus moves into it. */
  focusRequest: number;
}

export function CantWeightForm({ view, writer, id: formId, open, focusRequest }: CantWeightFormProps) {
  const ref = view.issue.ref;
  const [reason, setReason] = useState<CantWeightReason>('clarification');
  const [details, setDetails] = useState('');
  const [mentions, setMentions] = useState<string[]>([]);
  const [empty, setEmpty] = useState(false);
  const [post, setPost] = useState<Post>({ status: 'idle' });
  const first = useRef<HTMLInputElement>(null);
  const text = useRef<HTMLTextAreaElement>(null);
  const id = useId();

  useEffect(() => {
    if (focusRequest > 0) first.current?.focus();
  }, [focusRequest]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (writer.busy) return;
    if (details.trim() === '') {
      setEmpty(true);
      text.current?.focus();
      return;
    }
    setEmpty(false);
    setPost({ status: 'posting' });
    const body = cantWeightComment(reason, { details, mentions });
    const r = await writer.run(() => call('createNote', { ref, body }));
    if (r === null) return setPost({ status: 'idle' });
    if (!r.ok) return setPost({ status: 'failed', text: failureText('post the comment', r.error, ref.forge) });
    setPost({ status: 'posted' });
    setDetails(''); // posted: the same text must not go out twice
    setMentions([]);
  };

  return (
    <form id={formId} hidden={!open} aria-label="Can't weight yet" onSubmit={(e) => void submit(e)} noValidate>
      <fieldset>
        <legend>Reason</legend>
        {(['clarification', 'spike'] as const).map((r, i) => (
          <label key={r}>
            <input
              type="radio"
              name={`${id}-reason`}
              ref={i === 0 ? first : undefined}
              checked={reason === r}
              onChange={() => setReason(r)}
            />
            {r === 'clarification' ? 'Needs clarification' : 'Needs a spike'}
          </label>
        ))}
      </fieldset>
      <label htmlFor={`${id}-text`}>{TEXT_LABEL[reason]}</label>
      <textarea
        id={`${id}-text`}
        ref={text}
        rows={3}
        value={details}
        aria-invalid={empty}
        aria-describedby={empty ? `${id}-empty` : undefined}
        onChange={(e) => setDetails(e.target.value)}
      />
      {empty && (
        <p className="alert" role="alert" id={`${id}-empty`}>
          Write {TEXT_LABEL[reason].toLowerCase()} before posting.
        </p>
      )}
      <PeoplePicker issueRef={ref} selected={mentions} onChange={setMentions} />
      <p className="hint">
        The comment leaves the weight unset{reason === 'spike' ? '; spikes are scheduled with weight 2' : ''}.
      </p>
      <div className="row">
        <button type="submit" className="primary" aria-disabled={writer.busy}>
          Post comment
        </button>
        <p className="status" role="status">
          {post.status === 'posting' && 'Posting…'}
          {post.status === 'posted' && 'Comment posted. The weight stays unset until this is resolved.'}
        </p>
      </div>
      {post.status === 'failed' && (
        <p className="alert" role="alert">
          {post.text}
        </p>
      )}
    </form>
  );
}
