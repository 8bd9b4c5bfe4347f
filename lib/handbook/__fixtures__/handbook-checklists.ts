// The handbook's checklists exactly as the Source Code BE page shows them (copied from the page, not generated), for
// tests that check Refinery renders and reads the real text.
export const HANDBOOK_ISSUE_CHECKLIST = `# Issue Refinement Checklist

## Problem verification
- [ ] Issue label is ~"workflow::refinement"
- [ ] Issue title clearly describes the feature or change
- [ ] Issue description defines requirements and expectations
- [ ] Required permissions and access levels defined

## Implementation plan

- [ ] A comment with an implementation plan is created
- [ ] Issue is small and doesn't need to be broken down

## Final steps
- [ ] This issue has a weight
- [ ] There are no blockers
- [ ] Issue has ~"workflow::ready for development" label`;

export const HANDBOOK_BUG_CHECKLIST = `# Bug Refinement Checklist

## Bug verification
- [ ] Issue label is ~"workflow::refinement"
- [ ] Issue label is ~"type::bug"
- [ ] Issue title clearly describes the bug
- [ ] Steps to reproduce are documented
- [ ] Issue is still reproducible
- [ ] Severity labels are defined
- [ ] Related logs or error messages are attached

## Technical analysis
- [ ] Root cause has been identified or hypothesized
- [ ] Affected components/services are identified
- [ ] Potential side effects of the fix are considered

## Implementation plan
- [ ] A comment with an implementation plan is created
- [ ] Fix scope is contained and doesn't require larger refactoring
- [ ] Test cases to verify the fix are defined

## Final steps
- [ ] This issue has a weight
- [ ] There are no blockers
- [ ] Issue has ~"workflow::ready for development" label`;

/** As a teammate pastes it from the handbook page: the ```plaintext fence included. */
export const PASTED_WITH_FENCE = "For issues that need refinement:\n\n```plaintext\n" + HANDBOOK_ISSUE_CHECKLIST + "\n```\n";

export function crlf(text: string): string {
  return text.replace(/\n/g, '\r\n');
}
