import { setupServer } from 'msw/node';
import { handlers } from './handlers';

/** The mock API for tests in Node (Vitest). */
export const server = setupServer(...handlers);
