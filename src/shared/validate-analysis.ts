/**
 * Run-time validation of the text stage's input (ToBackground.analyzeText), on the same contract as
 * validate.ts: a ValidationError ('bad-request', with the path) or a fresh object holding only the known
 * fields. Offsets are checked against the text, so the analysis never reads outside it.
 */
import type { TextBlock } from '../analysis/figures/index';
import type { TextStageInput } from '../analysis/text-stage';
import { CallFailure } from './result';
import { arr, int, nullableStr, obj, oneOf, str } from './validate';

export const TEXT_STAGE_LIMITS = {
  /** Characters of main text: far above any article (the longest corpus text is ~53,000). */
  text: 4_000_000,
  blocks: 200_000,
  /** Bytes of the whole message (its own cap, above the 1 MiB of the other calls). */
  messageBytes: 16 * 1024 * 1024,
} as const;

const BLOCK_KINDS: readonly TextBlock['kind'][] = [
  'paragraph',
  'heading',
  'list',
  'quote',
  'caption',
  'other',
];

export function textStageInput(v: unknown, path = 'input'): TextStageInput {
  const o = obj(v, path);
  if (typeof o.text === 'string' && o.text.length > TEXT_STAGE_LIMITS.text) {
    throw new CallFailure('too-large', `${path}.text: longer than ${TEXT_STAGE_LIMITS.text} characters`);
  }
  const text = str(o.text, `${path}.text`, TEXT_STAGE_LIMITS.text);
  const blocks = arr(o.blocks, `${path}.blocks`, TEXT_STAGE_LIMITS.blocks).map((b, i) => {
    const p = `${path}.blocks[${i}]`;
    const block = obj(b, p);
    const start = int(block.start, `${p}.start`, 0, text.length);
    const end = int(block.end, `${p}.end`, start, text.length);
    return { start, end, kind: oneOf(block.kind, `${p}.kind`, BLOCK_KINDS) };
  });
  return {
    text,
    blocks,
    lang: nullableStr(o.lang, `${path}.lang`, 100),
    title: nullableStr(o.title, `${path}.title`, 2000),
  };
}
