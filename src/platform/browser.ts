/**
 * The platform seam: the only import of webextension-polyfill in the project.
 *
 * Everything that touches an extension API goes through `browser` from here, so unit tests
 * replace this one module with an in-memory fake (tests/helpers/fake-platform.ts, wired by the
 * alias in vitest.config.ts) and the analysis and anchoring code never sees an extension API.
 */
import browserApi from 'webextension-polyfill';

export type Browser = typeof browserApi;
export type MessageSender = browserApi.Runtime.MessageSender;

export const browser: Browser = browserApi;
