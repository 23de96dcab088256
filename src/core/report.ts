// Failures nobody needs to act on still leave a trace: a debug line in the console (hidden unless
// the console shows verbose output), never a silent `.catch(() => undefined)`.

/** A rejection handler that logs at debug level why the failure is safe to let go. */
export function quietly(why: string): (error: unknown) => void {
  return (error) => console.debug(`[confab] ${why}:`, error);
}
