// INTERIM (owned by the detect/metadata helper; replaced before landing). Signature is the contract.
import type { ArticleMeta } from '../types';
export function extractMetadata(_doc: Document, _url: string): ArticleMeta {
  return { title: null, authors: [], published: null, modified: null, siteName: null, section: null, lang: null, canonicalUrl: null, image: null, description: null };
}
