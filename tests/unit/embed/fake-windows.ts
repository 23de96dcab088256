// The iframe's side of postMessage, for unit tests: a window that receives messages, a parent that
// records what it is sent (and to which origin), and a stranger window.
export const ORIGIN = 'https://host.example';

export function fakeWindows() {
  const self = new EventTarget() as unknown as Window;
  const sent: Array<{ message: Record<string, unknown>; origin: string }> = [];
  const parent = {
    postMessage: (message: Record<string, unknown>, origin: string) => sent.push({ message, origin }),
  } as unknown as MessageEventSource & {
    postMessage(message: unknown, targetOrigin: string): void;
  };
  const stranger = { postMessage() {} } as unknown as MessageEventSource;
  const deliver = (data: unknown, options: { source?: MessageEventSource; origin?: string } = {}) =>
    self.dispatchEvent(Object.assign(new Event('message'), { data, source: options.source ?? parent, origin: options.origin ?? ORIGIN }));
  return { self, parent, stranger, sent, deliver };
}
