// The English catalogue, first part: what the shell needs before join (the pre-join, connecting,
// the notices confab-error may carry at any time; a failed join's words are in en-endings.ts). The strings of a call in progress and of its
// endings are in en-call.ts, the chat panel's in en-chat.ts, the settings dialog's in en-settings.ts,
// the participants panel's in en-people.ts, the reaction picker's in en-reactions.ts, embed.html's
// in en-embed.ts: each travels with the chunk that shows it (the shell's size budget). Together they
// are the source of every key; other languages provide the same keys, each in one catalogue.
export const en = {
  'meeting.label': 'Video meeting',
  'prejoin.title': 'Ready to join?',
  'prejoin.name': 'Your name',
  'prejoin.join': 'Join meeting',
  'prejoin.nameRequired': 'Enter your name to join.',
  'prejoin.joiningAs': 'You will join as {name}.',
  'connecting.title': 'Connecting…',
  'connecting.media': 'Starting your camera and microphone…',
  'connecting.waitingKey': 'Waiting for the encryption key…',
  'error.config': 'Option "{option}" has the value "{value}", which is not valid (expected: {expected}). Using the default.',
  'error.heldDropped': '{count} {feature} messages arrived while the meeting was loading, too many to keep: they are not shown.',
  'error.featureUnavailable': 'Part of the meeting ({feature}) could not be loaded. Reload the page to try again.',
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
  'background.blur': 'Background blur',
  'background.blurOn': 'Blur your background',
  'background.blurOff': 'Stop blurring your background',
  'background.loading': 'Loading background effects… {percent}%',
  'background.unavailable.csp': 'Background effects are not available under this site’s security policy.',
  'background.unavailable.no-wasm': 'Background effects need WebAssembly, which this browser does not offer.',
  'background.unavailable.browser': 'Background effects are not supported in this browser.',
  'background.unavailable.load-failed': 'Background effects could not be loaded.',
  'background.unavailable.too-slow': 'Background effects were turned off: this device is too slow for them.',
  'background.unavailable.image-not-allowed': 'This background image was not used: images load only from this site or its assets folder.',
  'chat.label': 'Chat messages',
} as const;

export type MessageKey =
  | keyof typeof en
  | keyof (typeof import('./en-call.js'))['enCall']
  | keyof (typeof import('./en-chat.js'))['enChat']
  | keyof (typeof import('./en-settings.js'))['enSettings']
  | keyof (typeof import('./en-people.js'))['enPeople']
  | keyof (typeof import('./en-reactions.js'))['enReactions']
  | keyof (typeof import('./en-embed.js'))['enEmbed']
  | keyof (typeof import('./en-controls.js'))['enControls']
  | keyof (typeof import('./en-endings.js'))['enEndings']
  | keyof (typeof import('./en-moderation.js'))['enModeration'];
export type Catalogue = Record<MessageKey, string>;
