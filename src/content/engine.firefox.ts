/**
 * Firefox: the analysis engine is bundled into the content script (see engine.ts for why), behind the
 * same asynchronous interface.
 */
import { analyzePage } from '../analysis/index';
import { analyzePageSliced } from '../analysis/sliced';
import type { Engine } from './engine';

const engine: Engine = { analyzePage, analyzePageSliced };

export function loadEngine(): Promise<Engine> {
  return Promise.resolve(engine);
}
