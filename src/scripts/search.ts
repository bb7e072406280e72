/**
 * The search page: the query box on top of the shared finder. Queries are converted from
 * Traditional to Simplified with OpenCC (only its small t2cn dictionary is loaded), and the
 * query lives in the URL beside the facets, so a search is a link.
 */
import * as OpenCC from 'opencc-js/t2cn';
import { normaliseQuery } from '../lib/query.ts';
import { startFinder } from './finder.ts';

const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });
const form = document.querySelector<HTMLFormElement>('#search-form')!;
const input = document.querySelector<HTMLInputElement>('#q')!;
let composing = false;

const finder = startFinder({
  defaultSort: 'relevance',
  list: document.querySelector<HTMLOListElement>('#search-results')!,
  status: document.querySelector<HTMLElement>('#search-status')!,
  normalise: (q) => normaliseQuery(q, toSimplified),
  requireQuery: true,
  onSelection: (selection) => {
    if (!composing) input.value = selection.q;
  },
});

// An input method's Enter commits a candidate; it must not also submit the search. Chromium
// and Firefox flag that keydown with isComposing, Safari only with keyCode 229 after
// compositionend, so all three signals are checked.
input.addEventListener('compositionstart', () => (composing = true));
input.addEventListener('compositionend', () => (composing = false));
input.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && (composing || event.isComposing || event.keyCode === 229)) event.preventDefault();
});
form.addEventListener('submit', (event) => {
  event.preventDefault();
  if (composing) return;
  finder.search(input.value);
});
