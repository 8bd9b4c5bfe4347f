// The handbook's weighting rules applied to this issue, recomputed whenever the issue changes, with their fixes.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { factsFromIssue } from '@/lib/handbook/refinement/facts';
import { fixLabel, type Fix } from '@/lib/handbook/refinement/fixes';
import { evaluate, type Finding, type Severity } from '@/lib/handbook/refinement/rules';
import { call } from '@/lib/messaging';
import { BreakDown } from './BreakDown';
import { failureText } from './errorText';
import { fixWrite } from './fixWrite';
import type { WeightPartProps } from './types';

const SEVERITY_TEXT: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Note' };

export interface FindingsProps extends WeightPartProps {
  onPickWeight: () => void;
  onAskClarification: () => void;
}

/** Stable keys across re-evaluations, so an open "Break down" stays with its finding. */
function keyed(findings: Finding[]): { key: string; finding: Finding }[] {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const base = `${finding.ruleId}|${finding.short}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return { key: n === 0 ? base : `${base}|${n}`, finding };
  });
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

export function Findings(props: FindingsProps) {
  const { view, settings, onIssue, writer, onPickWeight, onAskClarification } = props;
  const { issue, capabilities } = view;
  const findings = useMemo(
    () => keyed(evaluate(factsFromIssue(issue, capabilities, settings), settings)),
    [issue, capabilities, settings],
  );
  // A split part kept in a native field is named by that field, not by a label the fix will not write.
  const label = (fix: Fix) => {
    const field = fix.kind === 'set-split-weight' ? capabilities.splitWeightFields?.[fix.part] : undefined;
    return fix.kind === 'set-split-weight' && field ? `Set ${field} to ${fix.weight}` : fixLabel(fix, settings);
  };
  const [breakDownFor, setBreakDownFor] = useState<string | null>(null);
  const [working, setWorking] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  /** After the next render: focus `target` again (move) or, if it went away, the heading. */
  const refocus = useRef<{ target: HTMLElement | null; move: boolean } | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  const headingId = useId();

  // A fix usually resolves its finding and its button goes away: keep keyboard focus in the section.
  useEffect(() => {
    const next = refocus.current;
    refocus.current = null;
    if (!next) return;
    if (!next.target?.isConnected) heading.current?.focus();
    else if (next.move) next.target.focus();
  });

  const apply = async (fix: Fix, key: string, button: HTMLElement) => {
    const name = label(fix);
    if (fix.kind === 'pick-weight') return onPickWeight();
    if (fix.kind === 'ask-clarification') return onAskClarification();
    if (fix.kind === 'break-down') {
      opener.current = button;
      return setBreakDownFor(key);
    }
    const write = fixWrite(fix, settings);
    if (!write || writer.busy) return;
    setError(null);
    setDone(null);
    setWorking(name);
    const r = await writer.run(() =>
      write.method === 'setWeight'
        ? call('setWeight', { ref: issue.ref, weight: write.weight }).then((x) => (x.ok ? { ok: true as const, data: x.data.issue } : x))
        : write.method === 'setSplitWeight'
          ? call('setSplitWeight', { ref: issue.ref, side: write.side, weight: write.weight }).then((x) => (x.ok ? { ok: true as const, data: x.data.issue } : x))
          : call('changeLabels', { ref: issue.ref, change: write.change }),
    );
    setWorking(null);
    if (r === null) return;
    if (!r.ok) return setError(failureText(lowerFirst(name), r.error, issue.ref.forge));
    refocus.current = { target: button, move: false };
    onIssue(r.data);
    setDone(`Done: ${name}`);
  };

  const closeBreakDown = (message?: string) => {
    refocus.current = { target: opener.current, move: true };
    setBreakDownFor(null);
    if (message) {
      setError(null);
      setDone(message);
    }
  };

  return (
    <section className="findings" aria-labelledby={headingId}>
      <h3 id={headingId} className="section-title" tabIndex={-1} ref={heading}>
        Handbook checks
      </h3>
      {findings.length === 0 ? (
        <p className="hint">No weighting findings.</p>
      ) : (
        <ul className="finding-list" aria-label="Weighting findings">
          {findings.map(({ key, finding }) => (
            <li key={key} className="finding" data-severity={finding.severity}>
              <p>
                <span className="severity">{SEVERITY_TEXT[finding.severity]}:</span> {finding.message}
              </p>
              {finding.fixes.length > 0 && (
                <div className="row">
                  {finding.fixes.map((fix, i) => (
                    <button
                      type="button"
                      key={i}
                      aria-disabled={writer.busy}
                      aria-expanded={fix.kind === 'break-down' ? breakDownFor === key : undefined}
                      onClick={(e) => void apply(fix, key, e.currentTarget)}
                    >
                      {label(fix)}
                    </button>
                  ))}
                </div>
              )}
              {breakDownFor === key && (
                <BreakDown view={view} onIssue={onIssue} writer={writer} onClose={() => closeBreakDown()} onDone={closeBreakDown} />
              )}
            </li>
          ))}
        </ul>
      )}
      <p className="status" role="status">
        {working ? `${working}…` : done}
      </p>
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
