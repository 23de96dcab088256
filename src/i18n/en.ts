// The English catalogue, first part: what the shell needs before join (the pre-join, connecting,
// errors, left). The strings of a call in progress are in en-call.ts and the chat panel's in
// en-chat.ts, the settings dialog's in en-settings.ts, the participants panel's in en-people.ts, the reaction picker's in en-reactions.ts, each travelling with the chunk that shows them (the shell's size budget). Together they are the source of every key; other languages must
// provide the same keys, each in one catalogue of its own.
export const en = {
  'meeting.label': 'Video meeting',
  'prejoin.title': 'Ready to join?',
  'prejoin.name': 'Your name',
  'prejoin.join': 'Join meeting',
  'prejoin.nameRequired': 'Enter your name to join.',
  'prejoin.joiningAs': 'You will join as {name}.',
  'connecting.title': 'Connecting…',
  'connecting.media': 'Starting your camera and microphone…',
  'left.title': 'You left the meeting',
  'left.reason.user': 'You left the meeting.',
  'left.reason.kicked': 'You were removed from the meeting.',
  'left.reason.duplicate-identity': 'You joined this meeting from another tab or device.',
  'left.reason.room-closed': 'The meeting has ended.',
  'left.reason.network': 'The connection to the meeting was lost.',
  'left.reason.error': 'The meeting stopped because of an error.',
  'left.rejoin': 'Rejoin',
  'error.title': 'Could not join the meeting',
  'error.retry': 'Try again',
  'error.config': 'Option "{option}" has the value "{value}", which is not valid (expected: {expected}). Using the default.',
  'error.missingConnection': 'Set server-url and token, or token-endpoint, room and name.',
  'error.tokenEndpoint': 'The token endpoint refused the request: {message}',
  'error.tokenEndpointUnreachable': 'The token endpoint could not be reached ({message}).',
  'error.serverUnreachable': 'The meeting server at {url} could not be reached.',
  'error.tokenRejected': 'The meeting server rejected the access token: {message}',
  'error.unknown': 'Something went wrong: {message}',
  'controls.microphone': 'Microphone',
  'controls.camera': 'Camera',
  'device.camera.denied': 'Camera access was denied. Allow it in the browser address bar, then turn the camera on.',
  'device.microphone.denied': 'Microphone access was denied. Allow it in the browser address bar, then turn the microphone on.',
  'device.camera.not-found': 'No camera was found.',
  'device.microphone.not-found': 'No microphone was found.',
  'device.camera.in-use': 'The camera is in use by another application.',
  'device.microphone.in-use': 'The microphone is in use by another application.',
  'device.camera.policy-blocked':
    'This page does not allow camera access in embedded content: the embedding page must add "camera" to the iframe allow attribute.',
  'device.microphone.policy-blocked':
    'This page does not allow microphone access in embedded content: the embedding page must add "microphone" to the iframe allow attribute.',
  'device.camera.unknown': 'The camera could not be started.',
  'device.microphone.unknown': 'The microphone could not be started.',
  'device.screen.denied': 'Screen sharing was cancelled.',
  'device.screen.policy-blocked': 'The embedding page must add "display-capture" to the iframe allow attribute to share the screen.',
  'device.screen.not-found': 'No screen is available to share.',
  'device.screen.in-use': 'The screen could not be captured.',
  'device.screen.unknown': 'Screen sharing could not start.',
  'device.dismiss': 'Dismiss',
  'device.openInNewTab': 'Open in a new tab',
  'device.retry': 'Try again',
  'device.help.chrome': 'To allow it: click the camera icon at the right of the address bar, choose “Always allow”, then press Try again.',
  'device.help.firefox': 'To allow it: click the crossed-out camera icon in the address bar, remove the block, then press Try again.',
  'device.help.safari': 'To allow it: open Safari › Settings for This Website, set Camera and Microphone to Allow, then press Try again.',
  'device.help.other':
    'To allow it: open this site’s permissions in your browser settings, allow camera and microphone, then press Try again.',
  'devices.switched': 'Device unavailable. Switched to {device}.',
  'devices.restored': 'Switched back to {device}.',
  'devices.camera': 'Camera',
  'devices.microphone': 'Microphone',
  'devices.speaker': 'Speaker',
  'devices.default': 'System default',
  'devices.none': 'None found',
  'prejoin.preview': 'Your camera preview',
  'prejoin.previewOff': 'Camera is off',
  'prejoin.level': 'Microphone level',
  'prejoin.joinAudioOnly': 'Join without camera',
  'prejoin.joinListenOnly': 'Join to listen only',
  'embed.tokenInQuery':
    'A token in the page address was refused: addresses end up in history, logs and referrers. Pass it after "#token=" or through confab-frame.js instead.',
  'embed.serverNotAllowed': "The server {url} is not in this deployment's allowed servers, so it was ignored.",
  'embed.parentOriginNotAllowed':
    'The parent origin {origin} is not allowed by this deployment, so the embedding page cannot control this meeting.',
  'embed.optionNotFromUrl': 'The option "{option}" cannot be set from the page address; it was ignored.',
  'background.blur': 'Background blur',
  'background.blurOn': 'Blur your background',
  'background.blurOff': 'Stop blurring your background',
  'background.loading': 'Loading background effects… {percent}%',
  'background.unavailable.csp': 'Background effects are not available under this site’s security policy.',
  'background.unavailable.no-wasm': 'Background effects need WebAssembly, which this browser does not offer.',
  'background.unavailable.browser': 'Background effects are not supported in this browser.',
  'background.unavailable.load-failed': 'Background effects could not be loaded.',
  'background.unavailable.too-slow': 'Background effects were turned off: this device is too slow for them.',
  'chat.label': 'Chat messages',
} as const;

export type MessageKey =
  | keyof typeof en
  | keyof (typeof import('./en-call.js'))['enCall']
  | keyof (typeof import('./en-chat.js'))['enChat']
  | keyof (typeof import('./en-settings.js'))['enSettings']
  | keyof (typeof import('./en-people.js'))['enPeople']
  | keyof (typeof import('./en-reactions.js'))['enReactions'];
export type Catalogue = Record<MessageKey, string>;
