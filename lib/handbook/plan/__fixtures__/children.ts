// Children for the plan's tests. Not shipped: imported by tests only.
import type { ChildComment, PlanChild } from '@/lib/forge/children-model';

let n = 0;

export function child(over: Partial<PlanChild> & { iid?: number } = {}): PlanChild {
  const iid = over.iid ?? ++n;
  const rest: Partial<PlanChild> & { iid?: number } = { ...over };
  delete rest.iid;
  return {
    ref: { forge: 'gitlab', baseUrl: 'https://gitlab.example', container: 'project', path: 'acme/app', iid, kind: 'issue' },
    reference: `acme/app#${iid}`,
    title: `Child ${iid}`,
    webUrl: `https://gitlab.example/acme/app/-/issues/${iid}`,
    state: 'opened',
    closedAt: null,
    labels: [],
    weight: null,
    healthStatus: null,
    type: 'issue',
    depth: 1,
    under: null,
    unreadChildren: 0,
    comments: [],
    ...rest,
  };
}

export function update(createdAt: string, text: string, author = 'dev'): ChildComment {
  return { body: text, createdAt, author };
}
