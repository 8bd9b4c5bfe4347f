import { describe, expect, it } from 'vitest';
import {
  healthFromLabels,
  labelsInScope,
  scopeConflicts,
  scopedValue,
  scopeOf,
  splitWeights,
  valueOf,
  weightFromLabels,
  workflowStage,
} from './labels';

describe('scopeOf / valueOf', () => {
  it('splits at the last :: like GitLab', () => {
    expect(scopeOf('a::b::c')).toBe('a::b');
    expect(valueOf('a::b::c')).toBe('c');
    expect(scopeOf('workflow::ready for development')).toBe('workflow');
    expect(valueOf('workflow::ready for development')).toBe('ready for development');
  });

  it('trims spaces around the separator as written in real handbooks', () => {
    expect(scopeOf('workflow:: ready for development')).toBe('workflow');
    expect(valueOf('workflow:: ready for development')).toBe('ready for development');
  });

  it('treats labels without a scope as unscoped', () => {
    expect(scopeOf('bug')).toBeNull();
    expect(valueOf('bug')).toBe('bug');
    expect(scopeOf('::orphan')).toBeNull();
    expect(scopeOf('single:colon')).toBeNull();
  });
});

describe('labelsInScope / scopedValue', () => {
  const labels = ['bug', 'Workflow::In dev', 'weight::3', 'priority::1', 'workflow-extra::x', 'group::a::b'];

  it('matches scopes case-insensitively and keeps the original spelling', () => {
    expect(labelsInScope(labels, 'workflow')).toEqual(['Workflow::In dev']);
    expect(labelsInScope(labels, 'WEIGHT')).toEqual(['weight::3']);
  });

  it('does not match a scope that merely starts with the name', () => {
    expect(labelsInScope(['workflow-extra::x'], 'workflow')).toEqual([]);
  });

  it('matches nested scopes by their full scope', () => {
    expect(labelsInScope(labels, 'group::a')).toEqual(['group::a::b']);
    expect(labelsInScope(labels, 'group')).toEqual([]);
  });

  it('returns null when no label is in the scope', () => {
    expect(scopedValue(labels, 'health')).toBeNull();
  });

  it('returns the one value without conflict', () => {
    expect(scopedValue(labels, 'workflow')).toEqual({ labels: ['Workflow::In dev'], values: ['In dev'], conflict: false });
  });

  it('returns every value when several labels share a scope', () => {
    expect(scopedValue(['weight::2', 'x', 'Weight::5'], 'weight')).toEqual({
      labels: ['weight::2', 'Weight::5'],
      values: ['2', '5'],
      conflict: true,
    });
  });
});

describe('scopeConflicts', () => {
  it('lists only scopes holding more than one label', () => {
    expect(scopeConflicts(['workflow::design', 'weight::1', 'Workflow::in dev', 'bug', 'bug'])).toEqual([
      { scope: 'workflow', labels: ['workflow::design', 'Workflow::in dev'] },
    ]);
    expect(scopeConflicts(['workflow::design', 'weight::1'])).toEqual([]);
  });
});

describe('weightFromLabels', () => {
  it('reads weight::N', () => {
    expect(weightFromLabels(['bug', 'weight::5'])).toEqual({ status: 'set', value: 5, label: 'weight::5' });
    expect(weightFromLabels(['weight::0'])).toEqual({ status: 'set', value: 0, label: 'weight::0' });
  });

  it('reports absence, conflicts and unreadable values', () => {
    expect(weightFromLabels(['bug'])).toEqual({ status: 'absent' });
    expect(weightFromLabels(['weight::1', 'weight::2'])).toEqual({ status: 'conflict', labels: ['weight::1', 'weight::2'] });
    expect(weightFromLabels(['weight::big'])).toEqual({ status: 'invalid', label: 'weight::big' });
    expect(weightFromLabels(['weight::-1'])).toEqual({ status: 'invalid', label: 'weight::-1' });
    expect(weightFromLabels(['weight::2.5'])).toEqual({ status: 'invalid', label: 'weight::2.5' });
  });

  it('does not read backend-weight:: as the issue weight', () => {
    expect(weightFromLabels(['backend-weight::3'])).toEqual({ status: 'absent' });
  });

  it('honours a configured scope name', () => {
    expect(weightFromLabels(['estimate::3', 'weight::1'], 'estimate')).toEqual({ status: 'set', value: 3, label: 'estimate::3' });
  });
});

describe('splitWeights', () => {
  it('reads backend and frontend weights independently', () => {
    expect(splitWeights(['backend-weight::3', 'frontend-weight::1', 'weight::5'])).toEqual({
      backend: { status: 'set', value: 3, label: 'backend-weight::3' },
      frontend: { status: 'set', value: 1, label: 'frontend-weight::1' },
    });
    expect(splitWeights(['backend-weight::2'])).toEqual({
      backend: { status: 'set', value: 2, label: 'backend-weight::2' },
      frontend: { status: 'absent' },
    });
  });

  it('honours configured scope names', () => {
    expect(splitWeights(['be::2', 'fe::8'], { backend: 'be', frontend: 'fe' })).toEqual({
      backend: { status: 'set', value: 2, label: 'be::2' },
      frontend: { status: 'set', value: 8, label: 'fe::8' },
    });
  });
});

describe('workflowStage', () => {
  it('reads the stage name', () => {
    expect(workflowStage(['workflow::refinement'])).toEqual({ status: 'set', value: 'refinement', label: 'workflow::refinement' });
  });

  it('reports conflicts and empty stages', () => {
    expect(workflowStage(['workflow::design', 'workflow::in dev'])).toMatchObject({ status: 'conflict' });
    expect(workflowStage(['workflow::'])).toEqual({ status: 'invalid', label: 'workflow::' });
    expect(workflowStage([])).toEqual({ status: 'absent' });
  });
});

describe('healthFromLabels', () => {
  it('maps the three handbook values', () => {
    expect(healthFromLabels(['health::on track'])).toMatchObject({ status: 'set', value: 'on_track' });
    expect(healthFromLabels(['Health::Needs Attention'])).toMatchObject({ status: 'set', value: 'needs_attention' });
    expect(healthFromLabels(['health::at-risk'])).toMatchObject({ status: 'set', value: 'at_risk' });
    expect(healthFromLabels(['health::at_risk'])).toMatchObject({ status: 'set', value: 'at_risk' });
  });

  it('refuses values outside the three', () => {
    expect(healthFromLabels(['health::fine'])).toEqual({ status: 'invalid', label: 'health::fine' });
  });
});
