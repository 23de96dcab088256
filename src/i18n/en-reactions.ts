// The English catalogue, sixth part: the reaction picker's names. They travel in the picker's chunk
// (components/control-bar/reaction-picker.ts; the control bar adds them), loaded when it first opens.
export const enReactions = {
  'reactions.label': 'Reactions',
  'reaction.thumbs-up': 'Thumbs up',
  'reaction.clap': 'Clapping hands',
  'reaction.laugh': 'Laughing',
  'reaction.surprised': 'Surprised',
  'reaction.heart': 'Heart',
  'reaction.party': 'Celebration',
} as const;
