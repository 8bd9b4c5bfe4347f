// The compact section Refinery adds to the issue's sidebar, built like the forge's own sections: a heading, value
// rows with an edit control each (a popover picker, PickerPopover.tsx), one line per handbook finding with its fix,
// and "Open Refinery" for the full panel (refinement, status update, templates), whose state is remembered.
// All writes go through one Writer, so only one runs at a time; each is sent once, and the row shows the new value.
import { useId, useMemo, useRef, useState } from 'react';
import type { HealthStatus, Issue, WeightValue } from '@/lib/forge/model';
import { factsFromIssue } from '@/lib/handbook/refinement/facts';
import { fixLabel, type Fix } from '@/lib/handbook/refinement/fixes';
import { evaluate } from '@/lib/handbook/refinement/rules';
import type { Settings } from '@/lib/handbook/settings';
import { call, type IssueView, type Result } from '@/lib/messaging';
import { writeStage } from '@/components/refinement/stageWrite';
import { failureText } from '@/components/weights/errorText';
import { fixWrite } from '@/components/weights/fixWrite';
import { useWriter } from '@/components/weights/useWriter';
import { PickerPopover, type PickerList } from './PickerPopover';
import { HEALTH_OPTIONS, healthRow, splitRow, stageOptions, stageRow, WEIGHT_OPTIONS, weightName, weightRow } from './rows';

export interface SidebarSectionProps {
  view: IssueView;
  settings: Readonly<Settings>;
  /** A write's returned issue (the section and the full panel replace their copy with it). */
  onIssue: (issue: Issue) => void;
  fullPanel: boolean;
  onFullPanel: (open: boolean) => void;
}

type RowId = 'weight' | 'split' | 'stage' | 'health';
type Write = () => Promise<Result<Issue>>;

const SEVERITY_TEXT = { error: 'Error', warning: 'Warning', info: 'Note' } as const;
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const issueOf = <T extends { issue: Issue }>(r: Result<T>): Result<Issue> => (r.ok ? { ok: true, data: r.data.issue } : r);

function EditRow({
  id,
  name,
  text,
  empty,
  pending,
  open,
  onOpen,
  onClosed,
  lists,
}: {
  id: RowId;
  name: string;
  text: string;
  empty: boolean;
  pending: string | null;
  open: boolean;
  onOpen: () => void;
  onClosed: () => void;
  lists: PickerList[];
}) {
  const button = useRef<HTMLButtonElement>(null);
  const close = (refocus: boolean) => {
    onClosed();
    if (refocus) button.current?.focus();
  };
  return (
    <div className="sb-row" data-row={id} aria-busy={pending !== null}>
      <dt>{name}</dt>
      <dd>
        <span className={empty && pending === null ? 'sb-value empty' : 'sb-value'} title={pending ?? text}>
          {pending ?? text}
        </span>
        <button
          type="button"
          className="sb-edit"
          aria-haspopup="listbox"
          aria-expanded={open}
          // While open, a click on Edit closes: keep focus in the list until then (its blur would close it first,
          // and the click would open it again).
          onMouseDown={(e) => open && e.preventDefault()}
          onClick={() => (open ? close(true) : onOpen())}
          ref={button}
        >
          Edit<span className="sr-only"> {name.toLowerCase()}</span>
        </button>
        {open && <PickerPopover lists={lists} onClose={close} />}
      </dd>
    </div>
  );
}

export function SidebarSection({ view, settings, onIssue, fullPanel, onFullPanel }: SidebarSectionProps) {
  const { issue, capabilities } = view;
  const writer = useWriter();
  const headingId = useId();
  const [open, setOpen] = useState<RowId | null>(null);
  const [pending, setPending] = useState<{ row: RowId; text: string } | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const weight = weightRow(view, settings);
  const split = splitRow(view, settings);
  const stage = stageRow(view, settings);
  const health = healthRow(view, settings);
  const findings = useMemo(() => evaluate(factsFromIssue(issue, capabilities, settings), settings), [issue, capabilities, settings]);

  /** One write, sent once; the row shows `text` until it is done, then the issue's own value. */
  const write = async (row: RowId | null, text: string, what: string, task: Write) => {
    if (writer.busy) return;
    setError(null);
    setStatus(`Saving ${text}…`);
    if (row) setPending({ row, text });
    const r = await writer.run(task);
    setPending(null);
    if (r === null) return setStatus(null);
    if (!r.ok) {
      setStatus(null);
      return setError(failureText(what, r.error, issue.ref.forge));
    }
    onIssue(r.data);
    setStatus(`Saved: ${text}`);
  };

  const setWeight = (value: string) => {
    const w = Number(value) as WeightValue;
    void write('weight', weightName(w), 'save the weight', () => call('setWeight', { ref: issue.ref, weight: w }).then(issueOf));
  };
  const setSplit = (side: 'backend' | 'frontend') => (value: string) => {
    const w = Number(value) as WeightValue;
    void write('split', `${side} ${w}`, `save the ${side} weight`, () =>
      call('setSplitWeight', { ref: issue.ref, side, weight: w }).then(issueOf),
    );
  };
  const setStage = (stageName: string) => {
    void write('stage', stageName, `move the issue to ${stageName}`, () =>
      writeStage(issue, capabilities, stageName, settings, []).then((r) => (r.ok ? { ok: true as const, data: r.data.issue } : r)),
    );
  };
  const setHealth = (value: string) => {
    const h = value as HealthStatus;
    const text = HEALTH_OPTIONS.find((o) => o.value === h)?.text ?? value;
    void write('health', text, 'set the health status', () => call('setHealthStatus', { ref: issue.ref, status: h }).then(issueOf));
  };

  const fixName = (fix: Fix) => {
    const field = fix.kind === 'set-split-weight' ? capabilities.splitWeightFields?.[fix.part] : undefined;
    return fix.kind === 'set-split-weight' && field ? `Set ${field} to ${fix.weight}` : fixLabel(fix, settings);
  };
  const applyFix = (fix: Fix) => {
    if (fix.kind === 'pick-weight') return setOpen('weight');
    const w = fixWrite(fix, settings);
    // Break down and "Can't weight yet" need a form: the full panel has them.
    if (!w) return onFullPanel(true);
    const name = fixName(fix);
    void write(null, name, lowerFirst(name), (): Promise<Result<Issue>> =>
      w.method === 'setWeight'
        ? call('setWeight', { ref: issue.ref, weight: w.weight }).then(issueOf)
        : w.method === 'setSplitWeight'
          ? call('setSplitWeight', { ref: issue.ref, side: w.side, weight: w.weight }).then(issueOf)
          : call('changeLabels', { ref: issue.ref, change: w.change }),
    );
  };

  const rowProps = (id: RowId) => ({
    id,
    open: open === id,
    pending: pending?.row === id ? pending.text : null,
    onOpen: () => setOpen((o) => (o === id ? null : id)),
    onClosed: () => setOpen((o) => (o === id ? null : o)),
  });

  return (
    <section className="refinery-sidebar" aria-labelledby={headingId} data-state="ready" data-busy={writer.busy}>
      <div className="sb-head">
        <h2 id={headingId} className="sb-title">
          Refinery
        </h2>
        <button type="button" className="sb-link" aria-expanded={fullPanel} onClick={() => onFullPanel(!fullPanel)}>
          {fullPanel ? 'Close full panel' : 'Open Refinery'}
        </button>
      </div>
      <dl className="sb-rows">
        {issue.ref.kind !== 'epic' && (
          <EditRow
            name="Weight"
            text={weight.text}
            empty={weight.empty}
            {...rowProps('weight')}
            lists={[{ label: 'Weight', options: WEIGHT_OPTIONS, selected: weight.selected, onPick: setWeight }]}
          />
        )}
        {split && (
          <EditRow
            name="Split weight"
            text={split.text}
            empty={false}
            {...rowProps('split')}
            lists={[
              { label: 'Backend weight', options: WEIGHT_OPTIONS, selected: split.backend, onPick: setSplit('backend') },
              { label: 'Frontend weight', options: WEIGHT_OPTIONS, selected: split.frontend, onPick: setSplit('frontend') },
            ]}
          />
        )}
        <EditRow
          name="Workflow stage"
          text={stage.text}
          empty={stage.empty}
          {...rowProps('stage')}
          lists={[{ label: 'Workflow stage', options: stageOptions(settings), selected: stage.selected, onPick: setStage }]}
        />
        <EditRow
          name="Health"
          text={health.text}
          empty={health.empty}
          {...rowProps('health')}
          lists={[{ label: 'Health', options: HEALTH_OPTIONS, selected: health.selected, onPick: setHealth }]}
        />
      </dl>
      {findings.length > 0 && (
        <ul className="sb-findings" aria-label="Handbook checks">
          {findings.map((f, i) => (
            <li key={`${f.ruleId}|${i}`} data-severity={f.severity}>
              <span className="sb-finding-text" title={f.message}>
                <span className="sr-only">{SEVERITY_TEXT[f.severity]}: </span>
                {f.short}
                <span className="sr-only">. {f.message}</span>
              </span>
              {f.fixes.slice(0, 1).map((fix, j) => (
                <button type="button" key={j} className="sb-fix" aria-disabled={writer.busy} onClick={() => applyFix(fix)}>
                  {fixName(fix)}
                </button>
              ))}
            </li>
          ))}
        </ul>
      )}
      <p className="sb-status" role="status">
        {status}
      </p>
      {error && (
        <p className="sb-alert" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
