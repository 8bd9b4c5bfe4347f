// The action row both status forms end with (Preview, Post update, Discard draft) and what they say afterwards.
import { PostFeedback, type PostFeedbackProps } from './PostFeedback';

export interface FormActionsProps extends PostFeedbackProps {
  hasDraft: boolean;
  onPreview: () => void;
  onDiscard: () => void;
}

export function FormActions({ hasDraft, onPreview, onDiscard, ...feedback }: FormActionsProps) {
  return (
    <>
      <div className="row actions">
        <button type="button" onClick={onPreview} disabled={feedback.posting}>
          Preview
        </button>
        <button type="submit" className="primary" disabled={feedback.posting}>
          Post update
        </button>
        {hasDraft && !feedback.posting && (
          <button type="button" className="link" onClick={onDiscard}>
            Discard draft
          </button>
        )}
      </div>
      <PostFeedback {...feedback} />
    </>
  );
}
