/** Data we cannot get right now: shown as a friendly message, never as a guess. */
export class DataUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataUnavailableError';
  }
}
