import { describe, expect, it } from 'vitest';
import type { IssueRef } from '../model';
import { labelDef } from '../model';
import { activeMembers, capabilitiesOf, normalizeColor, toHealthStatus, toIssue, toLabelDef, toLinkedChange, type RawIssue } from './map';

const ref: IssueRef = { forge: 'gitlab', baseUrl: 'https://gitlab.example.com', container: 'project', path: 'g/p', iid: 1, kind: 'issue' };
const raw: RawIssue = { id: 10, iid: 1, project_id: 5, title: 'T', description: null, state: 'opened', labels: ['a'], web_url: 'https://gitlab.example.com/g/p/-/issues/1', updated_at: '2026-01-01T00:00:00Z' };

describe('GitLab JSON → model', () => {
  it('reads health status in REST, GraphQL and upper-case spellings', () => {
    expect(['on_track', 'onTrack', 'ON_TRACK'].map(toHealthStatus)).toEqual(['on_track', 'on_track', 'on_track']);
    expect(['needsAttention', 'at_risk', 'atRisk'].map(toHealthStatus)).toEqual(['needs_attention', 'at_risk', 'at_risk']);
    expect([null, undefined, 'meh'].map(toHealthStatus)).toEqual([null, null, null]);
  });

  it('fills gaps of older or smaller payloads', () => {
    const issue = toIssue(ref, { ...raw, labels: [{ name: 'x' }] as unknown as string[], assignee: { id: 1, username: 'u', name: 'U' }, type: 'INCIDENT', healthStatus: 'atRisk' });
    expect(issue).toMatchObject({ description: '', labels: ['x'], weight: null, healthStatus: 'at_risk', type: 'incident', milestone: null });
    expect(issue.assignees).toEqual([{ id: 1, username: 'u', name: 'U', avatarUrl: null, webUrl: null }]);
    expect(toIssue(ref, { ...raw, issue_type: 'issue', state: 'locked' })).toMatchObject({ type: 'issue', state: 'opened' });
  });

  it('capabilities follow the keys GitLab sends per tier', () => {
    expect(capabilitiesOf(raw)).toEqual({ weight: false, healthStatus: false, scopedLabels: false, epics: false });
    expect(capabilitiesOf({ ...raw, weight: null })).toEqual({ weight: true, healthStatus: false, scopedLabels: true, epics: true });
    expect(capabilitiesOf({ ...raw, weight: 2, health_status: null }).healthStatus).toBe(true);
  });

  it('merge request references without `references` (old GitLab) come from the URL, relative root included', () => {
    const mr = { iid: 7, project_id: 9, title: 'MR', state: 'merged', web_url: 'https://host/gitlab/a/b/-/merge_requests/7' };
    expect(toLinkedChange(mr, 5).reference).toBe('a/b!7');
    expect(toLinkedChange(mr, 9).reference).toBe('!7');
  });

  it('members: active accounts with an active membership, once each', () => {
    const u = (id: number, extra: object = {}) => ({ id, username: `u${id}`, name: `U${id}`, state: 'active', membership_state: 'active', ...extra });
    const rows = [u(1), u(2, { state: 'blocked' }), u(3, { state: 'deactivated' }), u(4, { membership_state: 'awaiting' }), u(1), u(5, { state: undefined, membership_state: undefined })];
    expect(activeMembers(rows).map((m) => m.id)).toEqual([1, 5]);
  });

  it('label colours become #rrggbb; long descriptions are cut to what the protocol carries', () => {
    expect(['#FF0000', '#abc', ' #1F75CB ', 'red', ''].map(normalizeColor)).toEqual(['#ff0000', '#aabbcc', '#1f75cb', '#6699cc', '#6699cc']);
    const long = toLabelDef({ name: 'x', color: '#FFF', description: 'd'.repeat(600) });
    expect(labelDef.parse(long)).toEqual(long);
    expect(long.description).toHaveLength(500);
    expect(toLabelDef({ name: 'x', color: '#fff', description: '  ' }).description).toBeNull();
  });
});
