// What the status forms say after an action: one polite status line (draft restored/saved, posting, posted and where
// the health status went) and alerts for what failed, with the one thing to do about it.
import type { ForgeErrorKind } from '@/lib/forge/errors';
import { call } from '@/lib/messaging';

export interface PostFeedbackProps {
  posting: boolean;
  draftNote: string | null;
  posted: string | null;
  healthError: string | null;
  failure: { text: string; kind: ForgeErrorKind } | null;
}

export function PostFeedback({ posting, draftNote, posted, healthError, failure }: PostFeedbackProps) {
  const line = posting ? 'Posting…' : (posted ?? draftNote);
  return (
    <>
      <p className="status" role="status">
        {line}
      </p>
      {healthError && (
        <p className="alert" role="alert">
          The update is posted, but the health status could not be set: {healthError}
        </p>
      )}
      {failure && (
        <div className="alert" role="alert" data-kind={failure.kind}>
          <p>{failure.text}</p>
          {(failure.kind === 'auth' || failure.kind === 'no-connection') && (
            <button type="button" className="primary" onClick={() => void call('openOptions', {})}>
              Connect / fix your token
            </button>
          )}
        </div>
      )}
    </>
  );
}
