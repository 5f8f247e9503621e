// The structured face's typed lines, both directions, in one import.

export * from './client-lines.js';
export * from './host-lines.js';
export {isValidRef} from './message-ref.js';
