// The diagnosis of one page as it stands, kept by the content script: recognition is set by whoever decides it (the
// small loader for pages it does not serve, the content UI for the rest), and each feature registers a reporter that
// looks at the page when the popup asks, so nothing is computed on a page load for a question nobody asks.
import type { ForgeKind } from '../forge/model';
import type { FeatureReport, PageDiagnosis, Recognition } from './model';

export type Reporter = () => FeatureReport;

export interface DiagnosisBoard {
  setRecognition(recognition: Recognition, host?: PageDiagnosis['host']): void;
  /** Registers (or with null removes) a feature's reporter. Returns the removal. */
  report(feature: string, reporter: Reporter | null): () => void;
  snapshot(): PageDiagnosis;
}

function attr(el: Element | null, name: string): string | null {
  const v = el?.getAttribute(name)?.trim();
  return v ? v.slice(0, 300) : null;
}

export function createDiagnosisBoard(forge: ForgeKind, doc: Document, initial: Recognition, host: PageDiagnosis['host']): DiagnosisBoard {
  let recognition = initial;
  let where = host;
  const reporters = new Map<string, Reporter>();
  return {
    setRecognition(next, nextHost) {
      recognition = next;
      if (nextHost) where = nextHost;
    },
    report(feature, reporter) {
      if (reporter) reporters.set(feature, reporter);
      else reporters.delete(feature);
      return () => {
        if (reporters.get(feature) === reporter) reporters.delete(feature);
      };
    },
    snapshot() {
      const features: FeatureReport[] = [];
      for (const reporter of reporters.values()) {
        try {
          features.push(reporter());
        } catch {
          // A reporter that fails must not keep the rest from being told.
        }
      }
      return {
        forge,
        host: where,
        recognition,
        dataPage: attr(doc.body, 'data-page'),
        routePattern: attr(doc.querySelector('meta[name="route-pattern"]'), 'content'),
        features,
      };
    },
  };
}
