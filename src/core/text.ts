// PLACEHOLDER in the core worktree; replaced by main's text helpers at merge.
export const isolate = (text: string): string => `\u2068${text}\u2069`;
