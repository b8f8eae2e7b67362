/**
 * A failure the person running the command can fix (a service is down, a tool is missing). It is shown
 * as its message alone, without a stack trace: the message says what is wrong, where, and what to do.
 */
export class Problem extends Error {
  constructor(message, { exitCode = 1 } = {}) {
    super(message);
    this.name = 'Problem';
    this.exitCode = exitCode;
  }
}
