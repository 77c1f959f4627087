// The type of the shared test helpers module, for jest.requireActual inside a jest.mock factory.
import type * as helpers from './helpers';

export type Helpers = typeof helpers;
