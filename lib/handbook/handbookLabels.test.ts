import { describe, expect, it } from 'vitest';
import type { Capabilities } from '@/lib/forge/model';
import { HANDBOOK_LABELS, handbookLabels, missingLabels } from './handbookLabels';
import { DEFAULT_STAGES, mergeSettings } from './settings';

const names = (labels: { name: string }[] | readonly { name: string }[]) => labels.map((l) => l.name);

const premium: Capabilities = { weight: true, healthStatus: false, scopedLabels: true, epics: true };
const ultimate: Capabilities = { ...premium, healthStatus: true };
const free: Capabilities = { weight: false, healthStatus: false, scopedLabels: false, epics: false };

describe('the handbook label set', () => {
  it('has every workflow stage in order', () => {
    expect(names(HANDBOOK_LABELS.filter((l) => l.group === 'workflow'))).toEqual(DEFAULT_STAGES.map((s) => `workflow::${s}`));
  });

  it('has types, severities, priorities, areas, spike and security', () => {
    const all = names(HANDBOOK_LABELS);
    expect(all).toEqual(
      expect.arrayContaining([
        'type::feature',
        'type::bug',
        'type::maintenance',
        'severity::1',
        'severity::4',
        'priority::1',
        'priority::4',
        'backend',
        'frontend',
        'database',
        'documentation',
        'UX',
        'API',
        'spike',
        'security',
      ]),
    );
  });

  it('has split weights and the weight:: and health:: fallbacks', () => {
    const by = (group: string) => names(HANDBOOK_LABELS.filter((l) => l.group === group));
    expect(by('split-weight')).toEqual([
      'backend-weight::1',
      'backend-weight::2',
      'backend-weight::3',
      'backend-weight::5',
      'frontend-weight::1',
      'frontend-weight::2',
      'frontend-weight::3',
      'frontend-weight::5',
    ]);
    expect(by('weight')).toEqual(['weight::1', 'weight::2', 'weight::3', 'weight::5']);
    expect(by('health')).toEqual(['health::on track', 'health::needs attention', 'health::at risk']);
    expect(HANDBOOK_LABELS.filter((l) => l.fallbackFor === 'weight')).toHaveLength(4);
    expect(HANDBOOK_LABELS.filter((l) => l.fallbackFor === 'healthStatus')).toHaveLength(3);
  });

  it('gives every label a hex colour and a description GitHub accepts', () => {
    for (const label of HANDBOOK_LABELS) {
      expect(label.color, label.name).toMatch(/^#[0-9a-f]{6}$/);
      expect(label.description.length, label.name).toBeGreaterThan(0);
      expect(label.description.length, label.name).toBeLessThanOrEqual(100);
    }
  });

  it('describes weight labels with the table', () => {
    expect(HANDBOOK_LABELS.find((l) => l.name === 'weight::2')?.description).toBe('Issue weight: Small, confidence ≥ 75%.');
  });

  it('has no duplicate names', () => {
    const lower = names(HANDBOOK_LABELS).map((n) => n.toLowerCase());
    expect(new Set(lower).size).toBe(lower.length);
  });

  it('uses the team’s names', () => {
    const settings = mergeSettings({
      scopes: { workflow: 'status', weight: 'estimate' },
      labels: { spike: 'investigation' },
      workflow: { stages: ['triage', 'refining', 'ready', 'doing', 'done'], refinement: 'refining', readyForDevelopment: 'ready', complete: 'done' },
    });
    const all = names(handbookLabels(settings));
    expect(all).toContain('status::ready');
    expect(all).toContain('estimate::3');
    expect(all).toContain('investigation');
    expect(all).not.toContain('workflow::in dev');
    expect(handbookLabels(settings).find((l) => l.name === 'status::doing')?.description).toBe('Workflow stage 4 of 5.');
  });
});

describe('missingLabels', () => {
  it('proposes everything, fallbacks included, to an empty GitHub repo', () => {
    expect(names(missingLabels([], 'github', free))).toEqual(names(HANDBOOK_LABELS));
  });

  it('proposes fallbacks on GitHub even if told it has native fields', () => {
    expect(names(missingLabels([], 'github', ultimate))).toContain('weight::3');
  });

  it('skips weight:: on GitLab Premium and health:: too on Ultimate', () => {
    const onPremium = names(missingLabels([], 'gitlab', premium));
    expect(onPremium).not.toContain('weight::3');
    expect(onPremium).toContain('health::at risk');
    expect(onPremium).toContain('backend-weight::3');
    const onUltimate = names(missingLabels([], 'gitlab', ultimate));
    expect(onUltimate).not.toContain('health::at risk');
  });

  it('keeps the fallbacks on GitLab Free', () => {
    const list = names(missingLabels([], 'gitlab', free));
    expect(list).toContain('weight::5');
    expect(list).toContain('health::needs attention');
  });

  it('compares names case-insensitively and ignores spaces around ::', () => {
    const existing = ['Workflow::In Dev', 'workflow:: ready for development', 'BACKEND', 'ux', 'Type::Bug', 'bug'];
    const list = names(missingLabels(existing, 'gitlab', premium));
    expect(list).not.toContain('workflow::in dev');
    expect(list).not.toContain('workflow::ready for development');
    expect(list).not.toContain('backend');
    expect(list).not.toContain('UX');
    expect(list).not.toContain('type::bug');
    expect(list).toContain('workflow::in review');
    expect(list).toContain('frontend');
  });

  it('returns nothing when the project has them all', () => {
    expect(missingLabels(names(HANDBOOK_LABELS), 'github', free)).toEqual([]);
  });
});
