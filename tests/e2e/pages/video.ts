// What video a page receives, read from its own RTCPeerConnections' stats (for adaptive-video tests).
import type { Page } from '@playwright/test';

/** Keeps every RTCPeerConnection the page makes, and every long task, for the test to read. */
export const RECORD = () => {
  const w = window as unknown as { __pcs: RTCPeerConnection[]; __longTasks: number[] };
  w.__pcs = [];
  w.__longTasks = [];
  const Native = window.RTCPeerConnection;
  window.RTCPeerConnection = class extends Native {
    constructor(...args: ConstructorParameters<typeof RTCPeerConnection>) {
      super(...args);
      w.__pcs.push(this);
    }
  };
  new PerformanceObserver((list) => w.__longTasks.push(...list.getEntries().map((e) => e.duration))).observe({
    type: 'longtask',
    buffered: true,
  });
};
/** The video tracks whose frames are being decoded now (two stats readings 2 s apart). */
export function flowing(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const w = window as unknown as { __pcs: RTCPeerConnection[] };
    const read = async () => {
      const frames = new Map<string, number>();
      for (const pc of w.__pcs) {
        if (pc.connectionState === 'closed') continue;
        (await pc.getStats()).forEach((r: { type: string; kind?: string; trackIdentifier?: string; framesDecoded?: number }) => {
          if (r.type === 'inbound-rtp' && r.kind === 'video' && r.trackIdentifier) frames.set(r.trackIdentifier, r.framesDecoded ?? 0);
        });
      }
      return frames;
    };
    const before = await read();
    await new Promise((r) => setTimeout(r, 2000));
    const after = await read();
    return [...after].filter(([id, n]) => n > (before.get(id) ?? 0)).map(([id]) => id);
  });
}
