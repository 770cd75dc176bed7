// INTERIM (owned by the detect/metadata helper; replaced before landing). Signature is the contract.
import type { DetectResult } from './types';
export function detect(_doc: Document, _url: string): DetectResult {
  return { isArticle: false, score: 0, reasons: ['not implemented yet'] };
}
