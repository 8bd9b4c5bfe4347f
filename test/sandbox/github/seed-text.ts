// Issue descriptions and comments for the seed, in the style of the GitLab handbook's planning process
// (refinement checklists, implementation plans, async status updates).

export const RATE_LIMIT_BODY = `## Problem

Pull mirrors of large repositories call the mirroring API in bursts. A single misconfigured mirror can start
hundreds of update jobs a minute and starve other tenants.

## Proposal

- Limit \`POST /projects/:id/mirror/pull\` per project and per user.
- Answer \`429 Too Many Requests\` with a \`Retry-After\` header when the limit is hit.
- Make the limits configurable by administrators.

## Acceptance criteria

- [ ] Requests above the limit receive 429 with \`Retry-After\`
- [ ] Limits can be changed in the admin settings
- [ ] Documentation lists the new limits`;

export const BINARY_DIFF_BODY = `## Summary

Opening the **Changes** tab of a merge request that touches a binary file (\`.png\`, \`.zip\`) shows a spinner
forever; the diff never loads.

## Steps to reproduce

1. Create a merge request that adds \`assets/logo.png\`.
2. Open the **Changes** tab.

## What is the current *bug* behavior?

The request to \`diffs_batch.json\` fails with a 500 error.

## What is the expected *correct* behavior?

Binary files are listed as "Binary file not shown" and the rest of the diff loads.

## Relevant logs

\`\`\`
NoMethodError: undefined method 'lines' for nil:NilClass
  app/models/diff_file.rb:212:in 'highlighted_diff_lines'
\`\`\``;

export const BUG_CHECKLIST_COMMENT = `# Bug Refinement Checklist

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

export const IMPLEMENTATION_PLAN_COMMENT = `### Implementation Plan

**1. Approach**

Return early from \`highlighted_diff_lines\` for binary blobs and render the "Binary file not shown" placeholder
in the diff viewer.

**2. Dependencies**

- [x] Requires ~backend
- [ ] Requires ~frontend
- [ ] Requires ~database
- [ ] Requires ~documentation
- [ ] Requires ~UX work
- [ ] External service dependencies identified
- [ ] Requires ~API changes

**3. Implementation Steps**

- Guard \`DiffFile#highlighted_diff_lines\` against binary blobs
- Add a request spec for \`diffs_batch.json\` with a PNG
- Add a feature spec for the Changes tab

**4. Edge Cases**

- Success scenarios:
  - Merge request with only binary files
  - Merge request with binary and text files

- Error scenarios:
  - Blob missing from the repository

- Edge conditions:
  - LFS pointer files

@carol please review this implementation plan.`;

export const SPLIT_WEIGHT_BODY = `## Problem

Reviewers cannot tell which files of a merge request they have already looked at after a force push.

## Proposal

Remember viewed files per reviewer and reset the mark only for files whose diff changed.

Backend and frontend weights differ, so they are tracked as \`backend-weight::2\` and \`frontend-weight::3\`.`;

export function statusUpdate(complete: number, confidence: number, notes: string, concern?: string): string {
  return [`Complete: ${complete}%`, `Confidence: ${confidence}%`, `Notes: ${notes}`, ...(concern ? [`Concern: ${concern}`] : [])].join(
    '\n',
  );
}

export const MR_STATUS_UPDATE = `Issue status: 40% complete, 75% confident

MR statuses:
#21 - 60% complete, 80% confident - api update - storing viewed state per reviewer
#22 - 100% complete, 99% confident - database migration - merged`;

export const SPIKE_BODY = `## Goal

Find out whether streaming RPCs can replace the paginated \`ListCommits\` calls in the repository browser.

Timebox: 2 days. The outcome is a comment with findings and follow-up issues, not production code.`;

export const SECURITY_BODY = `A crafted \`.gitattributes\` file can make the blame view read files outside the repository.

Handled under the security release process; details are in the confidential report.`;

export const CONFLICT_BODY = `Carried over from the old board: the issue moved to review but the previous stage label was never removed.`;

export const PR_BODIES: Record<number, string> = {
  21: `Stores the viewed state per reviewer.

Part of #3.`,
  22: `Adds the \`reviewer_file_states\` table.

Related to #3.`,
};
