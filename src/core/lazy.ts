// Actions whose code loads on first use: the front (in the shell) forwards each verb to the real
// object once its chunk is here. A chunk that fails to load rejects the verb that asked, and the
// next one tries again.

type Verbs<T> = { [K in keyof T]: T[K] extends (...args: infer A) => Promise<infer R> ? (...args: A) => Promise<R> : never };

export function lazyActions<T extends Verbs<T>>(load: () => Promise<T>, names: ReadonlyArray<keyof T>): T {
  let loaded: Promise<T> | null = null;
  const get = () =>
    (loaded ??= load().catch((error: unknown) => {
      loaded = null;
      throw error;
    }));
  const front = {} as Record<keyof T, unknown>;
  for (const name of names)
    front[name] = (...args: unknown[]) => get().then((real) => (real[name] as (...a: unknown[]) => unknown)(...args));
  return front as T;
}
