// The English catalogue, fourth part: the settings dialog and its background picker. They travel in
// the settings chunk (components/settings/settings-element.ts adds them), loaded when it first opens.
export const enSettings = {
  'settings.title': 'Settings',
  'settings.encryption': 'End-to-end encryption',
  'settings.encrypted':
    'Encrypted so that only people with the key can read them: audio, video, screen share, chat, reactions and earlier messages.',
  'settings.notEncrypted':
    'Not encrypted, because the meeting server relays them: names, raised hands, who is muted and what each person shares.',
  'settings.close': 'Close',
  'background.title': 'Background',
  'background.none': 'No effect',
  'background.blurSlight': 'Slight blur',
  'background.blurStrong': 'Strong blur',
  'background.image.dusk': 'Dusk',
  'background.image.lagoon': 'Lagoon',
  'background.image.studio': 'Studio',
  'background.image.custom': 'This site’s background',
} as const;
