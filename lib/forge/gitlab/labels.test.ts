import { describe, expect, it } from 'vitest';
import { addedScopes, planLabelWrite } from './labels';

describe('planLabelWrite', () => {
  it('removes the other labels of an added scope from the freshly read labels', () => {
    expect(planLabelWrite({ add: ['workflow::in dev'], remove: [] }, ['workflow::refinement', 'backend', 'type::feature'])).toEqual({
      add: ['workflow::in dev'],
      remove: ['workflow::refinement'],
    });
  });

  it('removes every conflicting label, healing legacy duplicates', () => {
    const write = planLabelWrite({ add: ['workflow::verification'], remove: [] }, ['workflow::in dev', 'workflow::in review']);
    expect(write.remove.sort()).toEqual(['workflow::in dev', 'workflow::in review']);
  });

  it('scopes are everything before the last ::, so nested scopes stay apart', () => {
    const write = planLabelWrite({ add: ['team::backend::weight::2'], remove: [] }, ['team::backend::weight::3', 'team::backend::lead', 'team::frontend::weight::3']);
    expect(write.remove).toEqual(['team::backend::weight::3']);
    expect(addedScopes({ add: ['backend-weight::2', 'plain'], remove: [] })).toEqual(new Set(['backend-weight']));
  });

  it('of two added labels of a scope the last wins; a label both added and removed is added', () => {
    expect(planLabelWrite({ add: ['workflow::in dev', 'workflow::in review', 'database'], remove: ['database', 'backend'] }, ['workflow::in dev'])).toEqual({
      add: ['workflow::in review', 'database'],
      remove: ['backend', 'workflow::in dev'],
    });
  });

  it('leaves unscoped labels and other scopes alone', () => {
    expect(planLabelWrite({ add: ['frontend-weight::2'], remove: [] }, ['backend-weight::3', 'frontend', 'weight::3'])).toEqual({ add: ['frontend-weight::2'], remove: [] });
  });
});
