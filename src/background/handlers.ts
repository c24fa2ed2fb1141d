import type { Handlers } from './router';
import { coreHandlers } from './core';
import { journalHandlers } from './journal/handlers';
import { sessionHandlers } from './session/handlers';

/** Every message type of the protocol, answered by exactly one handler. */
export const handlers: Handlers = { ...coreHandlers, ...sessionHandlers, ...journalHandlers };
