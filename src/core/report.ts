// Failures nobody needs to act on still leave a trace: a debug line in the console (hidden unless
// the console shows verbose output), never a silent `.catch(() => undefined)`. Each use says beside
// it why the failure is safe to let go; the tag names it in the log.

/** A rejection handler that logs the failure at debug level under a short tag. */
export function quietly(tag: string): (error: unknown) => void {
  return (error) => console.debug(`[confab] ${tag}`, error);
}
