/** Labelled flows that cannot train a model (too few classes, no features), with what to do about it. */
export class TrainingError extends Error {
  override readonly name = 'TrainingError';
}
