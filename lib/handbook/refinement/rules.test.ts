import { describe, expect, it } from 'vitest';
import { RULE_ORDER, evaluate, summarizeFindings, type Finding, type IssueFacts } from './rules';
import { DEFAULT_SETTINGS, RULE_IDS, mergeSettings, type RuleId } from '../settings';

// Labels as they appear on gitlab-org/gitlab issues.
const TEAM = ['group::source code', 'devops::create', 'section::dev', 'type::feature', 'backend'];

function facts(over: Partial<IssueFacts> = {}): IssueFacts {
  return { title: 'Show blame for renamed files', labels: [...TEAM], weight: null, type: 'issue', ...over };
}
const withLabels = (labels: string[], over: Partial<IssueFacts> = {}) => facts({ labels: [...TEAM, ...labels], ...over });

function only(findings: Finding[], id: RuleId): Finding[] {
  return findings.filter((f) => f.ruleId === id);
}
function one(findings: Finding[], id: RuleId): Finding {
  const found = only(findings, id);
  expect(found, `exactly one ${id} finding`).toHaveLength(1);
  return found[0] as Finding;
}
const ids = (findings: Finding[]) => findings.map((f) => f.ruleId);
const off = (id: RuleId) => mergeSettings({ rules: { [id]: false } });

describe('a well-kept issue', () => {
  it('has no findings in any stage', () => {
    for (const stage of ['refinement', 'ready for development', 'in dev', 'in review'])
      expect(evaluate(withLabels([`workflow::${stage}`], { weight: 2 }))).toEqual([]);
    expect(evaluate(facts())).toEqual([]);
  });

  it('runs the rules in RULE_IDS order', () => {
    expect(RULE_ORDER).toEqual(RULE_IDS);
  });
});

describe('scope-conflict', () => {
  it('is an error with one keep fix per label', () => {
    const f = one(evaluate(withLabels(['workflow::in dev', 'workflow::in review'], { weight: 2 })), 'scope-conflict');
    expect(f.severity).toBe('error');
    expect(f.message).toMatch(/2 workflow:: labels \(workflow::in dev, workflow::in review\)/);
    expect(f.short).toBe('2 workflow labels');
    expect(f.fixes).toEqual([
      { kind: 'keep-one-label', scope: 'workflow', keep: 'workflow::in dev', remove: ['workflow::in review'] },
      { kind: 'keep-one-label', scope: 'workflow', keep: 'workflow::in review', remove: ['workflow::in dev'] },
    ]);
  });

  it('covers weight, split weight and health scopes, each separately', () => {
    const findings = only(
      evaluate(withLabels(['weight::2', 'Weight::3', 'backend-weight::1', 'backend-weight::2', 'health::on track', 'health::at risk'])),
      'scope-conflict',
    );
    expect(findings.map((f) => f.short)).toEqual(['2 weight labels', '2 backend-weight labels', '2 health labels']);
  });

  it('ignores one label per scope and scopes it does not own', () => {
    const findings = evaluate(withLabels(['workflow::in dev', 'weight::2', 'priority::1', 'priority::2']));
    expect(only(findings, 'scope-conflict')).toEqual([]);
  });

  it('still runs on closed issues', () => {
    expect(only(evaluate(withLabels(['health::on track', 'health::at risk'], { closed: true })), 'scope-conflict')).toHaveLength(1);
  });

  it('uses renamed scopes', () => {
    const settings = mergeSettings({ scopes: { workflow: 'status' } });
    expect(only(evaluate(withLabels(['status::a', 'status::b']), settings), 'scope-conflict')).toHaveLength(1);
    expect(only(evaluate(withLabels(['workflow::a', 'workflow::b']), settings), 'scope-conflict')).toEqual([]);
  });

  it('can be switched off', () => {
    expect(evaluate(withLabels(['workflow::in dev', 'workflow::design']), off('scope-conflict'))).toEqual([]);
  });
});

describe('missing-weight', () => {
  it('warns about an issue ready for development without a weight', () => {
    const f = one(evaluate(withLabels(['workflow::ready for development'])), 'missing-weight');
    expect(f.severity).toBe('warning');
    expect(f.short).toBe('No weight, ready for development');
    expect(f.message).toMatch(/workflow::ready for development but has no weight/);
    expect(f.message).toMatch(/ping the EM and PM/);
    expect(f.fixes).toEqual([{ kind: 'pick-weight' }, { kind: 'ask-clarification' }, { kind: 'set-workflow', stage: 'refinement' }]);
  });

  it.each(['in dev', 'in review', 'verification', 'staging'])('warns in the later stage %s, without moving it back', (stage) => {
    const f = one(evaluate(withLabels([`workflow::${stage}`])), 'missing-weight');
    expect(f.short).toBe(`No weight, ${stage}`);
    expect(f.fixes.map((x) => x.kind)).toEqual(['pick-weight', 'ask-clarification']);
  });

  it('reads the stage in any case and reports it as configured', () => {
    expect(one(evaluate(withLabels(['Workflow::Ready for Development'])), 'missing-weight').short).toBe(
      'No weight, ready for development',
    );
  });

  it.each(['problem validation', 'design', 'planning breakdown', 'refinement'])('is quiet before refinement is done (%s)', (stage) => {
    expect(only(evaluate(withLabels([`workflow::${stage}`])), 'missing-weight')).toEqual([]);
  });

  it('is quiet without a workflow label, or with a stage it does not know', () => {
    expect(only(evaluate(facts()), 'missing-weight')).toEqual([]);
    expect(only(evaluate(withLabels(['workflow::blocked'])), 'missing-weight')).toEqual([]);
  });

  it('is quiet for closed and complete issues', () => {
    expect(only(evaluate(withLabels(['workflow::in dev'], { closed: true })), 'missing-weight')).toEqual([]);
    expect(only(evaluate(withLabels(['workflow::complete'])), 'missing-weight')).toEqual([]);
  });

  it('is quiet when weighted by field, by label, or by both split labels', () => {
    expect(only(evaluate(withLabels(['workflow::in dev'], { weight: 3 })), 'missing-weight')).toEqual([]);
    expect(only(evaluate(withLabels(['workflow::in dev', 'weight::3'])), 'missing-weight')).toEqual([]);
    expect(only(evaluate(withLabels(['workflow::in dev', 'backend-weight::2', 'frontend-weight::1'])), 'missing-weight')).toEqual([]);
  });

  it('does not count one split label as a weight, and offers its value', () => {
    const f = one(evaluate(withLabels(['workflow::in dev', 'backend-weight::2'])), 'missing-weight');
    expect(f.message).toMatch(/Only backend-weight::2 is set/);
    expect(f.fixes[0]).toEqual({ kind: 'set-weight', weight: 2 });
  });

  it('leaves conflicting weight labels to scope-conflict', () => {
    const findings = evaluate(withLabels(['workflow::in dev', 'weight::2', 'weight::3']));
    expect(ids(findings)).toEqual(['scope-conflict']);
  });

  it('offers weight 2 for a spike', () => {
    const f = one(evaluate(withLabels(['workflow::ready for development'], { title: 'Spike: blame cache' })), 'missing-weight');
    expect(f.fixes[0]).toEqual({ kind: 'set-weight', weight: 2 });
  });

  it('is quiet for epics', () => {
    expect(evaluate(withLabels(['workflow::in dev'], { type: 'epic' }))).toEqual([]);
  });

  it('follows a team-defined workflow', () => {
    const settings = mergeSettings({
      scopes: { workflow: 'status' },
      workflow: { stages: ['triage', 'refining', 'ready', 'doing', 'done'], refinement: 'refining', readyForDevelopment: 'ready', complete: 'done' },
    });
    const f = one(evaluate(withLabels(['status::ready']), settings), 'missing-weight');
    expect(f.message).toMatch(/labelled status::ready/);
    expect(f.fixes).toContainEqual({ kind: 'set-workflow', stage: 'refining' });
    expect(only(evaluate(withLabels(['status::refining']), settings), 'missing-weight')).toEqual([]);
    expect(only(evaluate(withLabels(['status::done']), settings), 'missing-weight')).toEqual([]);
    expect(only(evaluate(withLabels(['workflow::ready for development']), settings), 'missing-weight')).toEqual([]);
  });

  it('can be switched off', () => {
    expect(evaluate(withLabels(['workflow::in dev']), off('missing-weight'))).toEqual([]);
  });
});

describe('weight-over-3', () => {
  it('says a 5 is unclear or an epic, and offers to break it down', () => {
    const f = one(evaluate(withLabels(['workflow::refinement'], { weight: 5 })), 'weight-over-3');
    expect(f.severity).toBe('warning');
    expect(f.message).toMatch(/problem is not clear/);
    expect(f.message).toMatch(/epic with sub-issues/);
    expect(f.message).toMatch(/no more than 2 weeks/);
    expect(f.fixes).toEqual([{ kind: 'break-down' }, { kind: 'ask-clarification' }]);
  });

  it('fires for off-table weights above 3 too', () => {
    const f = one(evaluate(facts({ weight: 8 })), 'weight-over-3');
    expect(f.message).toMatch(/^Weight 8 is above 3/);
  });

  it('reads a weight:: label when the field is empty', () => {
    expect(only(evaluate(withLabels(['weight::5'])), 'weight-over-3')).toHaveLength(1);
  });

  it('is quiet at 3 and below', () => {
    for (const weight of [1, 2, 3]) expect(only(evaluate(facts({ weight })), 'weight-over-3')).toEqual([]);
  });

  it('gives way to weight-over-3-refined once refinement is done', () => {
    const findings = evaluate(withLabels(['workflow::ready for development'], { weight: 5 }));
    expect(ids(findings)).toEqual(['weight-over-3-refined']);
  });

  it('takes over when weight-over-3-refined is switched off', () => {
    const findings = evaluate(withLabels(['workflow::in dev'], { weight: 5 }), off('weight-over-3-refined'));
    expect(ids(findings)).toEqual(['weight-over-3']);
  });

  it('is quiet on closed issues and can be switched off', () => {
    expect(evaluate(facts({ weight: 5, closed: true }))).toEqual([]);
    expect(evaluate(facts({ weight: 5 }), off('weight-over-3'))).toEqual([]);
  });
});

describe('weight-over-3-refined', () => {
  it('quotes the research note and offers to move it back to refinement', () => {
    const f = one(evaluate(withLabels(['workflow::ready for development'], { weight: 5 })), 'weight-over-3-refined');
    expect(f.message).toMatch(/IC does not have a full idea of what is needed, and further research is needed/);
    expect(f.short).toBe('Over 3 after refinement: research first');
    expect(f.fixes).toEqual([{ kind: 'break-down' }, { kind: 'set-workflow', stage: 'refinement' }, { kind: 'ask-clarification' }]);
  });

  it('does not offer to move work in review back to refinement', () => {
    const f = one(evaluate(withLabels(['workflow::in review'], { weight: 5 })), 'weight-over-3-refined');
    expect(f.fixes).not.toContainEqual({ kind: 'set-workflow', stage: 'refinement' });
  });

  it('is quiet before refinement is done, at 3, and on complete issues', () => {
    expect(only(evaluate(withLabels(['workflow::refinement'], { weight: 5 })), 'weight-over-3-refined')).toEqual([]);
    expect(only(evaluate(withLabels(['workflow::in dev'], { weight: 3 })), 'weight-over-3-refined')).toEqual([]);
    expect(evaluate(withLabels(['workflow::complete'], { weight: 5 }))).toEqual([]);
  });
});

describe('weight-not-in-table', () => {
  it('rounds a native 4 up to 5', () => {
    const f = one(evaluate(facts({ weight: 4 })), 'weight-not-in-table');
    expect(f.severity).toBe('warning');
    expect(f.message).toMatch(/^Weight 4 is not in the weight table\..*nearest weight up is 5/);
    expect(f.fixes).toEqual([{ kind: 'set-weight', weight: 5 }]);
  });

  it('rounds 0 up to 1', () => {
    expect(one(evaluate(facts({ weight: 0 })), 'weight-not-in-table').fixes).toEqual([{ kind: 'set-weight', weight: 1 }]);
  });

  it('offers no smaller number for 8 or 13, only says the table ends at 5', () => {
    const f = one(evaluate(facts({ weight: 13 })), 'weight-not-in-table');
    expect(f.fixes).toEqual([]);
    expect(f.message).toMatch(/table ends at 5/);
  });

  it('reports a weight label that is not a number', () => {
    const f = one(evaluate(withLabels(['weight::big'])), 'weight-not-in-table');
    expect(f.message).toMatch(/^weight::big is not a weight/);
    expect(f.fixes).toEqual([{ kind: 'pick-weight' }, { kind: 'remove-labels', labels: ['weight::big'] }]);
  });

  it('checks split labels and fixes them with a split weight', () => {
    const f = one(evaluate(withLabels(['backend-weight::4', 'frontend-weight::2'])), 'weight-not-in-table');
    expect(f.message).toMatch(/^The backend weight 4 \(backend-weight::4\) is not in the weight table/);
    expect(f.fixes).toEqual([{ kind: 'set-split-weight', part: 'backend', weight: 5 }]);
    expect(one(evaluate(withLabels(['frontend-weight::x'])), 'weight-not-in-table').fixes).toEqual([
      { kind: 'remove-labels', labels: ['frontend-weight::x'] },
    ]);
  });

  it('is quiet for 1, 2, 3 and 5', () => {
    for (const weight of [1, 2, 3, 5]) expect(only(evaluate(facts({ weight })), 'weight-not-in-table')).toEqual([]);
  });

  it('can be switched off', () => {
    expect(only(evaluate(facts({ weight: 4 }), off('weight-not-in-table')), 'weight-not-in-table')).toEqual([]);
  });
});

describe('weight-label-mismatch', () => {
  it('warns when the weight field and the weight:: label disagree', () => {
    const f = one(evaluate(withLabels(['weight::2'], { weight: 3 })), 'weight-label-mismatch');
    expect(f.severity).toBe('warning');
    expect(f.message).toMatch(/weight field says 3 but the label weight::2 says 2/);
    expect(f.fixes).toEqual([{ kind: 'remove-labels', labels: ['weight::2'] }, { kind: 'set-weight', weight: 2 }]);
  });

  it('offers no set-weight for an off-table label', () => {
    const f = one(evaluate(withLabels(['weight::4'], { weight: 3 })), 'weight-label-mismatch');
    expect(f.fixes).toEqual([{ kind: 'remove-labels', labels: ['weight::4'] }]);
  });

  it('is quiet when they agree or when the label is the weight', () => {
    expect(only(evaluate(withLabels(['weight::2'], { weight: 2 })), 'weight-label-mismatch')).toEqual([]);
    expect(only(evaluate(withLabels(['weight::2'])), 'weight-label-mismatch')).toEqual([]);
  });

  it('still runs on closed issues, and can be switched off', () => {
    expect(ids(evaluate(withLabels(['weight::2'], { weight: 3, closed: true })))).toEqual(['weight-label-mismatch']);
    expect(evaluate(withLabels(['weight::2'], { weight: 3 }), off('weight-label-mismatch'))).toEqual([]);
  });
});

describe('spike-weight', () => {
  it('warns about a spike weighted other than 2', () => {
    const f = one(evaluate(facts({ title: 'Spike: evaluate Gitaly blame RPC', weight: 3 })), 'spike-weight');
    expect(f.severity).toBe('warning');
    expect(f.message).toMatch(/weight of 2 \(timeboxed\)/);
    expect(f.fixes).toEqual([{ kind: 'set-weight', weight: 2 }]);
  });

  it('suggests 2 for an unweighted spike as info', () => {
    const f = one(evaluate(withLabels(['spike'])), 'spike-weight');
    expect(f.severity).toBe('info');
    expect(f.fixes).toEqual([{ kind: 'set-weight', weight: 2 }]);
  });

  it('is quiet for a spike of weight 2 and for ordinary issues', () => {
    expect(evaluate(facts({ title: '[Spike] blame cache', weight: 2 }))).toEqual([]);
    expect(only(evaluate(facts({ title: 'Spike in memory usage after deploy', weight: 3 })), 'spike-weight')).toEqual([]);
  });

  it('uses the team’s spike label and can be switched off', () => {
    const settings = mergeSettings({ labels: { spike: 'investigation' } });
    expect(only(evaluate(withLabels(['investigation'], { weight: 3 }), settings), 'spike-weight')).toHaveLength(1);
    expect(only(evaluate(withLabels(['spike'], { weight: 3 }), settings), 'spike-weight')).toEqual([]);
    expect(evaluate(withLabels(['spike'], { weight: 3 }), off('spike-weight'))).toEqual([]);
  });
});

describe('security-weight', () => {
  it('suggests one level higher than the current weight', () => {
    const f = one(evaluate(withLabels(['security'], { weight: 2 })), 'security-weight');
    expect(f.severity).toBe('info');
    expect(f.message).toMatch(/one level higher/);
    expect(f.message).toMatch(/patch release process/);
    expect(f.message).toMatch(/If 2 is what the work would normally get, weight it 3\./);
    expect(f.fixes).toEqual([]);
  });

  it('notes that 3 becomes 5 and should then be broken down', () => {
    const f = one(evaluate(withLabels(['type::vulnerability'], { weight: 3 })), 'security-weight');
    expect(f.message).toMatch(/weight it 5\. 5 is larger than 3: the issue should then be broken down/);
  });

  it('notes that 5 cannot go higher', () => {
    expect(one(evaluate(withLabels(['bug::vulnerability'], { weight: 5 })), 'security-weight').message).toMatch(/already the highest/);
  });

  it('gives the general advice without a weight, and none for spikes', () => {
    expect(one(evaluate(withLabels(['type::security'])), 'security-weight').message).not.toMatch(/weight it/);
    const spike = one(evaluate(withLabels(['security'], { title: 'Spike: SSRF surface', weight: 2 })), 'security-weight');
    expect(spike.message).toMatch(/Spikes keep their timeboxed weight of 2/);
  });

  it('is quiet for other issues and can be switched off', () => {
    expect(only(evaluate(withLabels(['type::bug', 'bug::performance'], { weight: 2 })), 'security-weight')).toEqual([]);
    expect(evaluate(withLabels(['security'], { weight: 2 }), off('security-weight'))).toEqual([]);
  });
});

describe('split-part-over-3', () => {
  it('asks to break down a part above 3', () => {
    const f = one(evaluate(withLabels(['backend-weight::5', 'frontend-weight::2'])), 'split-part-over-3');
    expect(f.message).toMatch(/backend weight is 5 \(backend-weight::5\)/);
    expect(f.short).toBe('Backend over 3: break down');
    expect(f.fixes).toEqual([{ kind: 'break-down' }]);
  });

  it('is quiet at 3 and can be switched off', () => {
    expect(only(evaluate(withLabels(['backend-weight::3', 'frontend-weight::3'])), 'split-part-over-3')).toEqual([]);
    expect(only(evaluate(withLabels(['frontend-weight::5']), off('split-part-over-3')), 'split-part-over-3')).toEqual([]);
  });
});

describe('split-total-below-part', () => {
  it('warns when the weight is below a part, offering the larger part', () => {
    const f = one(evaluate(withLabels(['backend-weight::3', 'frontend-weight::2'], { weight: 1 })), 'split-total-below-part');
    expect(f.message).toMatch(/weight is 1, lower than the backend weight 3 \(backend-weight::3\)/);
    // The sum (5) is above 3, so it is not offered.
    expect(f.fixes).toEqual([{ kind: 'set-weight', weight: 3 }]);
  });

  it('also offers the sum when it is a weight of 3 or less', () => {
    const f = one(evaluate(withLabels(['backend-weight::1', 'frontend-weight::2'], { weight: 1 })), 'split-total-below-part');
    expect(f.fixes).toEqual([
      { kind: 'set-weight', weight: 2 },
      { kind: 'set-weight', weight: 3 },
    ]);
  });

  it('is quiet when the weight covers the parts or there is no weight', () => {
    expect(only(evaluate(withLabels(['backend-weight::3', 'frontend-weight::2'], { weight: 3 })), 'split-total-below-part')).toEqual([]);
    expect(only(evaluate(withLabels(['backend-weight::3', 'frontend-weight::2'])), 'split-total-below-part')).toEqual([]);
  });
});

describe('split-replaces-weight', () => {
  it('explains that both split labels stand for the weight', () => {
    const f = one(evaluate(withLabels(['workflow::ready for development', 'backend-weight::2', 'frontend-weight::1'])), 'split-replaces-weight');
    expect(f.severity).toBe('info');
    expect(f.message).toMatch(/backend-weight::2 and frontend-weight::1 are set/);
    expect(f.message).toMatch(/can only have a single weight/);
  });

  it('is quiet with a weight or with one part only', () => {
    expect(only(evaluate(withLabels(['backend-weight::2', 'frontend-weight::1'], { weight: 3 })), 'split-replaces-weight')).toEqual([]);
    expect(only(evaluate(withLabels(['backend-weight::2'])), 'split-replaces-weight')).toEqual([]);
  });

  it('reads renamed split scopes', () => {
    const settings = mergeSettings({ scopes: { backendWeight: 'be', frontendWeight: 'fe' } });
    expect(only(evaluate(withLabels(['be::2', 'fe::1']), settings), 'split-replaces-weight')).toHaveLength(1);
    expect(only(evaluate(withLabels(['backend-weight::2', 'frontend-weight::1']), settings), 'split-replaces-weight')).toEqual([]);
  });
});

describe('evaluate', () => {
  it('lists errors first, then warnings, then infos', () => {
    const findings = evaluate(withLabels(['security', 'workflow::in dev', 'workflow::in review'], { weight: 4 }));
    expect(findings.map((f) => f.severity)).toEqual(['error', 'warning', 'warning', 'info']);
    expect(ids(findings)).toEqual(['scope-conflict', 'weight-over-3', 'weight-not-in-table', 'security-weight']);
  });

  it('reports nothing when every rule is off', () => {
    const settings = mergeSettings({ rules: Object.fromEntries(RULE_IDS.map((id) => [id, false])) });
    expect(evaluate(withLabels(['workflow::in dev', 'workflow::design', 'spike', 'security'], { weight: 8 }), settings)).toEqual([]);
  });

  it('uses the default settings when none are given', () => {
    const f = withLabels(['workflow::in dev'], { weight: 5 });
    expect(evaluate(f)).toEqual(evaluate(f, DEFAULT_SETTINGS));
  });

  it('gives epics only the label checks', () => {
    expect(ids(evaluate(withLabels(['health::on track', 'health::at risk'], { type: 'epic', weight: 8 })))).toEqual(['scope-conflict']);
  });
});

describe('summarizeFindings', () => {
  it('counts per severity and names the findings for a badge', () => {
    const findings = evaluate(withLabels(['workflow::refinement', 'health::on track', 'health::at risk', 'security'], { weight: 5 }));
    expect(summarizeFindings(findings)).toEqual({
      error: 1,
      warning: 1,
      info: 1,
      worst: 'error',
      label: '2 health labels; over 3: break down; security: one level up',
    });
  });

  it('joins the short texts of the example in the brief', () => {
    const findings = [
      ...evaluate(withLabels(['workflow::ready for development'])),
      ...evaluate(facts({ weight: 5 })),
    ];
    expect(summarizeFindings(findings).label).toBe('No weight, ready for development; over 3: break down');
  });

  it('says so when there is nothing to report', () => {
    expect(summarizeFindings([])).toEqual({ error: 0, warning: 0, info: 0, worst: null, label: 'No weighting problems' });
  });
});
