import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  DEFAULT_STAGES,
  RULE_IDS,
  RULE_TITLES,
  isAtOrAfter,
  mergeSettings,
  parseSettings,
  settingsSchema,
  stageIndex,
  stageLabel,
} from './settings';

describe('DEFAULT_SETTINGS', () => {
  it('uses the handbook label names', () => {
    expect(DEFAULT_SETTINGS.scopes).toEqual({
      weight: 'weight',
      backendWeight: 'backend-weight',
      frontendWeight: 'frontend-weight',
      workflow: 'workflow',
      health: 'health',
      type: 'type',
    });
    expect(DEFAULT_SETTINGS.labels).toEqual({
      spike: 'spike',
      security: 'security',
      securityAliases: ['bug::vulnerability'],
      bug: ['bug'],
    });
    expect(DEFAULT_SETTINGS.types).toEqual({ security: ['security', 'vulnerability'], bug: ['bug'] });
  });

  it('lists the workflow stages in order', () => {
    expect(DEFAULT_SETTINGS.workflow.stages).toEqual([...DEFAULT_STAGES]);
    expect(DEFAULT_STAGES[0]).toBe('problem validation');
    expect(DEFAULT_STAGES.at(-1)).toBe('complete');
  });

  it('enables every rule and titles each one', () => {
    for (const id of RULE_IDS) {
      expect(DEFAULT_SETTINGS.rules[id]).toBe(true);
      expect(RULE_TITLES[id]).toBeTruthy();
    }
  });

  it('is valid and cannot be mutated', () => {
    expect(settingsSchema.safeParse(DEFAULT_SETTINGS).success).toBe(true);
    expect(Object.isFrozen(DEFAULT_SETTINGS.workflow.stages)).toBe(true);
    expect(() => {
      (DEFAULT_SETTINGS.scopes as { weight: string }).weight = 'x';
    }).toThrow();
  });
});

describe('isAtOrAfter', () => {
  it('is true from ready for development on', () => {
    for (const stage of ['ready for development', 'in dev', 'in review', 'verification', 'staging', 'complete'])
      expect(isAtOrAfter(stage, 'ready for development')).toBe(true);
  });

  it('is false before ready for development', () => {
    for (const stage of ['problem validation', 'design', 'solution validation', 'planning breakdown', 'refinement'])
      expect(isAtOrAfter(stage, 'ready for development')).toBe(false);
  });

  it('ignores case and extra spaces, as labels are typed by people', () => {
    expect(isAtOrAfter('In  Dev', 'Ready for Development')).toBe(true);
  });

  it('is false for stages it does not know', () => {
    expect(isAtOrAfter('blocked', 'ready for development')).toBe(false);
    expect(isAtOrAfter('in dev', 'scheduling')).toBe(false);
  });

  it('follows a team-defined order', () => {
    const stages = ['triage', 'ready', 'doing', 'done'];
    expect(isAtOrAfter('doing', 'ready', stages)).toBe(true);
    expect(isAtOrAfter('triage', 'ready', stages)).toBe(false);
    expect(stageIndex('Done', stages)).toBe(3);
  });

  it('spells stage labels with the configured scope', () => {
    expect(stageLabel('in dev')).toBe('workflow::in dev');
    expect(stageLabel('in dev', mergeSettings({ scopes: { workflow: 'status' } }))).toBe('status::in dev');
  });
});

describe('mergeSettings', () => {
  it('replaces only the given fields', () => {
    const s = mergeSettings({ scopes: { weight: 'estimate' }, rules: { 'spike-weight': false } });
    expect(s.scopes.weight).toBe('estimate');
    expect(s.scopes.workflow).toBe('workflow');
    expect(s.rules['spike-weight']).toBe(false);
    expect(s.rules['missing-weight']).toBe(true);
  });

  it('replaces arrays rather than appending to them', () => {
    expect(mergeSettings({ labels: { bug: ['defect'] } }).labels.bug).toEqual(['defect']);
  });

  it('returns a copy the caller may change without touching the defaults', () => {
    const s = mergeSettings();
    s.workflow.stages.push('extra');
    expect(DEFAULT_SETTINGS.workflow.stages).not.toContain('extra');
  });

  it('ignores fields given as undefined', () => {
    expect(mergeSettings({ scopes: { weight: undefined } }).scopes.weight).toBe('weight');
  });
});

describe('settingsSchema', () => {
  it('refuses a ready stage that is not in the list', () => {
    const bad = mergeSettings({ workflow: { readyForDevelopment: 'ready' } });
    expect(settingsSchema.safeParse(bad).success).toBe(false);
  });

  it('refuses stages out of order and duplicated stages', () => {
    expect(settingsSchema.safeParse(mergeSettings({ workflow: { refinement: 'in dev' } })).success).toBe(false);
    const dup = mergeSettings({ workflow: { stages: [...DEFAULT_STAGES, 'In Dev'] } });
    expect(settingsSchema.safeParse(dup).success).toBe(false);
  });

  it('refuses two settings sharing a scope, and empty names', () => {
    expect(settingsSchema.safeParse(mergeSettings({ scopes: { backendWeight: 'Weight' } })).success).toBe(false);
    expect(settingsSchema.safeParse(mergeSettings({ labels: { spike: '  ' } })).success).toBe(false);
    expect(settingsSchema.safeParse(mergeSettings({ scopes: { health: 'health:' } })).success).toBe(false);
  });

  it('accepts a renamed process and trims names', () => {
    const s = mergeSettings({
      scopes: { workflow: ' status ' },
      workflow: { stages: ['triage', 'refining', 'ready', 'doing', 'done'], refinement: 'refining', readyForDevelopment: 'ready', complete: 'done' },
    });
    const parsed = settingsSchema.parse(s);
    expect(parsed.scopes.workflow).toBe('status');
  });
});

describe('parseSettings (stored data)', () => {
  it('gives the defaults for nothing or garbage', () => {
    expect(parseSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings('oops')).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings({ scopes: 5 })).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps valid fields and drops invalid ones', () => {
    const s = parseSettings({
      scopes: { weight: 'estimate', health: '' },
      labels: { spike: 'investigation', bug: 'not-a-list' },
      rules: { 'spike-weight': false, 'missing-weight': 'yes' },
      unknown: true,
    });
    expect(s.scopes.weight).toBe('estimate');
    expect(s.scopes.health).toBe('health');
    expect(s.labels.spike).toBe('investigation');
    expect(s.labels.bug).toEqual(['bug']);
    expect(s.rules['spike-weight']).toBe(false);
    expect(s.rules['missing-weight']).toBe(true);
    expect(s).not.toHaveProperty('unknown');
  });

  it('falls back to the default workflow when the stored one does not hold together', () => {
    const s = parseSettings({ workflow: { stages: ['a', 'b'], readyForDevelopment: 'ready for development' } });
    expect(s.workflow).toEqual(DEFAULT_SETTINGS.workflow);
  });

  it('falls back to the default scopes when two collide', () => {
    const s = parseSettings({ scopes: { backendWeight: 'weight' } });
    expect(s.scopes).toEqual(DEFAULT_SETTINGS.scopes);
  });

  it('takes the sections the options page stored unchanged as the defaults, and applies the changed ones', () => {
    // What the options page saves: every section, whether the team changed it or not (keys in any order).
    const stored = JSON.parse(JSON.stringify({ ...mergeSettings({ labels: { spike: 'investigation' } }) }));
    stored.scopes = Object.fromEntries(Object.entries(stored.scopes).reverse());
    const s = parseSettings(stored);
    expect(s).toEqual(mergeSettings({ labels: { spike: 'investigation' } }));
    expect(Object.isFrozen(s.scopes)).toBe(false); // a copy, not the frozen defaults
  });

  it('keeps a complete valid custom workflow', () => {
    const workflow = { stages: ['triage', 'refining', 'ready', 'doing', 'done'], refinement: 'refining', readyForDevelopment: 'ready', complete: 'done' };
    expect(parseSettings({ workflow }).workflow).toEqual(workflow);
  });
});
