// `confab/react` (types only): <confab-meeting> in React 19's JSX, its attributes, properties and
// `onconfab-*` events typed from the option schema and the event table. Use it once per app:
// `import type {} from 'confab/react';` or `"types": ["confab/react"]` in tsconfig.json.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { ConfabMeeting } from '../components/meeting/meeting.js';
import type { OPTIONS } from './config/schema.js';
import type { ConfabEventDetails, ConfabEventName } from './events.js';

type Option = (typeof OPTIONS)[number];
type ValueOf<O extends Option> = O extends { type: 'switch' }
  ? 'on' | 'off'
  : O extends { type: 'enum'; values: readonly (infer V)[] }
    ? V
    : O extends { type: 'int' }
      ? number | `${number}`
      : string;

/**
 * Every option as its attribute (`token-endpoint="/api/token"`, `prejoin="off"`). React 19 assigns a
 * prop as a property when the element has one of that name, so `blur` (HTMLElement's own `blur()`
 * method) is taken by the `backgroundBlur` property instead: `backgroundBlur="on"`.
 */
export type ConfabMeetingAttributes = { [O in Option as O['name'] extends 'blur' ? never : O['name']]?: ValueOf<O> } & {
  backgroundBlur?: 'on' | 'off';
  /** @deprecated In React, `blur` would replace the element's `blur()` method: use `backgroundBlur`. */
  blur?: never;
};

/** `onconfab-joined={(event) => …}`: React 19 listens for the custom event named after `on`. */
export type ConfabMeetingEventProps = {
  [E in ConfabEventName as `on${E}`]?: (event: CustomEvent<ConfabEventDetails[E]>) => void;
};

/** The properties a page sets from script (never attributes): the token hook and the encryption key. */
export type ConfabMeetingProperties = Partial<Pick<ConfabMeeting, 'tokenProvider'>> & { e2eeKey?: string };

export type ConfabMeetingJSX = DetailedHTMLProps<HTMLAttributes<ConfabMeeting>, ConfabMeeting> &
  ConfabMeetingAttributes &
  ConfabMeetingEventProps &
  ConfabMeetingProperties;

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'confab-meeting': ConfabMeetingJSX;
    }
  }
}
