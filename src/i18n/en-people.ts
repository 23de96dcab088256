// The English catalogue, fifth part: the participants panel. It travels in the panel's chunk
// (components/participants/participants-element.ts; the meeting adds it), loaded when it first opens.
export const enPeople = {
  'people.close': 'Close the list of people',
  'people.search': 'Search people',
  'people.count': '{count} in the meeting',
  'people.noMatch': 'No one matches “{query}”.',
  'people.speaking': 'Speaking',
  'people.sharing': 'Sharing their screen',
  'people.quality.poor': 'Poor connection',
  'people.quality.lost': 'Connection lost',
  'people.pin': 'Pin {name} to the stage',
} as const;
