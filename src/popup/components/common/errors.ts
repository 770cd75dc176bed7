/** Turns a call failure into plain words for people; the technical message is kept as a detail. */
import type { CallError } from '../../../shared/result';

export function describeError(error: CallError, what: string): string {
  switch (error.code) {
    case 'unavailable':
      return `Couldn't ${what}: that part of Gleaner isn't answering right now. Try again in a moment.`;
    case 'quota':
      return `Couldn't ${what}: the disk or the browser's storage is full. Nothing was changed.`;
    case 'storage':
      return `Couldn't ${what}: the browser could not use its storage; the disk may be full. Nothing was changed. Free some space and try again.`;
    case 'too-large':
      return `Couldn't ${what}: it is too large.`;
    case 'not-found':
      return `Couldn't ${what}: it no longer exists.`;
    case 'bad-request':
      return `Couldn't ${what}: ${error.message || 'the data was not valid'}.`;
    case 'forbidden':
      return `Couldn't ${what}: Gleaner isn't allowed to do that here.`;
    default:
      return `Couldn't ${what}: something went wrong (${error.message || error.code}).`;
  }
}
