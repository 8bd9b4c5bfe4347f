// A section's body while its code loads, and if it cannot load (the extension was updated or reloaded while the page
// stayed open, so its old chunks are gone): a message in the section instead of the whole panel failing.
import { Component, Suspense, type ReactNode } from 'react';

interface State {
  error: string | null;
}

export class SectionBoundary extends Component<{ title: string; children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error.message : String(error) };
  }

  override render() {
    if (this.state.error !== null) {
      return (
        <p role="alert" className="section-error">
          {this.props.title} could not be shown ({this.state.error}). Reload the page to try again.
        </p>
      );
    }
    return (
      <Suspense
        fallback={
          <p role="status" className="section-loading">
            Loading {this.props.title}…
          </p>
        }
      >
        {this.props.children}
      </Suspense>
    );
  }
}
