// Long texts for the seeded issues and comments, written the way GitLab teams write them (handbook templates).

export const descriptions: Record<number, string> = {
  1: `### Problem to solve

Pull mirrors are updated through \`POST /projects/:id/mirror/pull\`. A handful of automation users trigger it in tight loops, which
queues thousands of \`RepositoryUpdateMirrorWorker\` jobs and delays mirrors for everyone else on the shard.

### Proposal

- Add an application rate limit (\`project_pull_mirror_update\`) for the endpoint, per project and per user.
- Answer \`429 Too Many Requests\` with \`Retry-After\` when the limit is hit.
- Make the limit configurable in **Admin > Settings > Network > Rate limits**.

### Permissions

Maintainers can trigger an update; the limit applies to everyone, administrators included.

### Links

- Related to the Gitaly capacity review.`,
  2: `### Summary

Opening the **Changes** tab of a merge request that touches a binary file (\`.png\`, \`.pdf\`, \`.jar\`) shows
"Something went wrong on our end" and the diff never loads.

### Steps to reproduce

1. Create a merge request that adds \`docs/img/architecture.png\` and changes \`README.md\`.
2. Open the **Changes** tab.

### What is the current *bug* behavior?

\`GET /-/merge_requests/:iid/diffs_batch.json\` returns \`500\`. The diff viewer shows a blank page.

### What is the expected *correct* behavior?

Text files show their diff; binary files show "File added/changed" with a download link.

### Relevant logs

\`\`\`plaintext
NoMethodError: undefined method \`lines' for nil:NilClass
  lib/gitlab/diff/file.rb:312:in \`highlighted_diff_lines'
\`\`\`

### Possible fixes

\`Gitlab::Diff::File#highlighted_diff_lines\` assumes a text blob. Skip highlighting when \`binary?\` is true.`,
  3: `### Problem to solve

\`GET /projects/:id/repository/tree\` loads every entry of a directory at once. Monorepos with 20 000+ files per
directory time out (\`RepositoryTreeFinder\` takes > 60 s) and the repository browser spins forever.

### Proposal

1. Backend: keyset pagination for the tree API (\`pagination=keyset\`, \`page_token\`).
2. Frontend: load the file list page by page while scrolling, keep the current sorting.

Backend and frontend work are weighted separately with the \`backend-weight::\` and \`frontend-weight::\` labels.

### Availability & testing

Feature flag \`repository_tree_keyset_pagination\`, enabled on staging first.`,
  4: `### Problem to solve

Changes to protected branch settings (allowed to push/merge, code owner approval) are not recorded anywhere. Auditors
need to know who changed what and when.

### Proposal

Record an audit event for every create, update and delete of a protected branch rule, with the previous and new access
levels, and expose them in the audit events API.

### Acceptance criteria

- [ ] Audit event on create / update / delete
- [ ] Shown in **Secure > Audit events**
- [ ] Documented in the list of audit event types`,
  5: `### Problem to solve

The blame view renders the whole file server side. For files with more than 10 000 lines this takes more than 20 s.

### Proposal

Stream blame ranges from Gitaly (\`RawBlame\` → \`ListBlame\`) and render them progressively.

This is a large change touching Gitaly, the Rails controller and the Vue blame viewer. It probably needs to be broken
down: see the spike.`,
  6: `### Goal

Timebox (2 days): find out whether Gitaly's streaming RPCs (\`ListBlobs\`, \`ListCommitsByOid\`) can back the blame and tree
views without loading everything into memory on the Rails side.

### Questions to answer

- What is the memory profile of the current implementation on a 200 MB repository?
- Can we keep ordering guarantees when streaming?
- Which feature flags would we need?

### Output

A comment summarising findings, and follow-up issues with weights.`,
  7: `<!-- Confidential until the security release -->

### Summary

A branch name containing control characters (\`\\u0007\`) is not matched by the push rule \`branch_name_regex\`, so the push
is accepted although the rule should reject it.

### Impact

Push rules that enforce naming for compliance can be bypassed by any developer.

### Steps to reproduce

\`\`\`shell
git push origin HEAD:"$(printf 'feature\\007x')"
\`\`\``,
  8: `### Problem to solve

The commits list verifies GPG/SSH signatures on every page load (one Gitaly call per commit). Cache signature
verification results per commit SHA.

### Proposal

- Store the verification result in \`commit_signatures\` on first verification.
- Re-verify only when the key is revoked or the user changes.`,
  9: `The repository size limit exists on self-managed too (**Admin > Settings > General > Account and limit**), but the
documentation only describes GitLab.com. Add a self-managed section with the API setting name.`,
  10: `When a push to a protected tag is rejected the user sees \`pre-receive hook declined\`. Explain which rule rejected the
push and link to the protected tags settings.`,
  11: `\`spec/requests/api/repositories_spec.rb:412\` (compare endpoint with \`straight=true\`) fails about once in 40 runs
because it depends on commit ordering from a fixture repository.

Quarantined in the last pipeline failure report.`,
  12: `Users with many branches want to see only their own. Add an **Author** filter to the branches list, backed by a
\`author_username\` parameter on the branches API.`,
};

export const issueRefinementChecklist = `# Issue Refinement Checklist

## Problem verification
- [x] Issue label is ~"workflow::refinement"
- [x] Issue title clearly describes the feature or change
- [x] Issue description defines requirements and expectations
- [ ] Required permissions and access levels defined

## Implementation plan

- [ ] A comment with an implementation plan is created
- [ ] Issue is small and doesn't need to be broken down

## Final steps
- [ ] This issue has a weight
- [ ] There are no blockers
- [ ] Issue has ~"workflow::ready for development" label`;

export const bugRefinementChecklist = `# Bug Refinement Checklist

## Bug verification
- [x] Issue label is ~"workflow::refinement"
- [x] Issue label is ~"type::bug"
- [x] Issue title clearly describes the bug
- [x] Steps to reproduce are documented
- [x] Issue is still reproducible
- [x] Severity labels are defined
- [ ] Related logs or error messages are attached

## Technical analysis
- [x] Root cause has been identified or hypothesized
- [x] Affected components/services are identified
- [ ] Potential side effects of the fix are considered

## Implementation plan
- [x] A comment with an implementation plan is created
- [x] Fix scope is contained and doesn't require larger refactoring
- [ ] Test cases to verify the fix are defined

## Final steps
- [x] This issue has a weight
- [x] There are no blockers
- [x] Issue has ~"workflow::ready for development" label`;

export const implementationPlan = `### Implementation Plan

**1. Approach**

Guard \`Gitlab::Diff::File#highlighted_diff_lines\` against binary blobs and let the diff viewer fall back to the
"binary file" placeholder.

**2. Dependencies**

- [x] Requires ~backend
- [ ] Requires ~frontend
- [ ] Requires ~database
- [ ] Requires ~documentation
- [ ] Requires ~UX work
- [ ] External service dependencies identified
- [ ] Requires ~API changes

**3. Implementation Steps**

- Return an empty highlight set when \`diff_file.binary?\`
- Add a request spec for \`diffs_batch.json\` with a PNG and a text file
- Add a feature spec for the Changes tab

**4. Edge Cases**

- Success scenarios:
  - MR with only binary files
  - MR with binary and text files
- Error scenarios:
  - Blob missing from Gitaly (expired LFS object)
- Edge conditions:
  - File that changed from text to binary

@erin please review this implementation plan.`;

export const asyncUpdates = [
  `Complete: 20%
Confidence: 70%
Notes: keyset cursor for \`TreeEntryFinder\` is in place, working on the API parameters next
Concern: ~backend`,
  `Issue status: 40% complete, 80% confident

MR statuses:
!11 - 60% complete, 90% confident - api update - keyset pagination done, specs in progress
!12 - 10% complete, 70% confident - frontend - infinite scrolling prototype, waiting for the API`,
];

export const spikeFindings = `Spike findings (timebox used: 1.5 days):

- \`ListBlobs\` streams fine; memory stays flat at ~40 MB on the 200 MB test repository.
- Ordering is guaranteed per request; we can keep it by requesting ranges.
- Proposed follow-ups: one issue for the Rails streaming controller (~backend), one for the blame viewer (~frontend).`;

export const epicUpdate = `**Status**: so-so — tree pagination is in review, blame streaming still needs a breakdown.

- Done: 3 of 8 issues. Remaining: 5, ETA end of 18.11.
- Confidence: 70%
- Next: finish !11, break down the blame streaming issue.
- Help needed: @dave to confirm the feature-flag rollout plan.`;

/** Titles for the generated list issues (iid 100..219) of acme/platform/backend. */
export const listTitleParts = {
  verbs: ['Add', 'Improve', 'Fix', 'Remove', 'Cache', 'Paginate', 'Document', 'Audit', 'Validate', 'Refactor'],
  subjects: [
    'branch protection API responses',
    'repository archive downloads',
    'tag creation from the UI',
    'commit signature verification',
    'push mirror error reporting',
    'file locking for LFS objects',
    'default branch rename',
    'repository housekeeping schedule',
    'compare view for large diffs',
    'code owners section parsing',
    'submodule links in the tree view',
  ],
};
