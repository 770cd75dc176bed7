/**
 * Firefox: the page stage of the analysis engine is bundled into the content script (see engine.ts for
 * why), behind the same asynchronous interface.
 */
import { analyzePageSliced } from '../analysis/sliced';
import type { Engine } from './engine';

const engine: Engine = { analyzePageSliced };

export function loadEngine(): Promise<Engine> {
  return Promise.resolve(engine);
}
