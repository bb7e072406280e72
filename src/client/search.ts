/**
 * The search page: the query box on top of the shared finder. Queries are converted from
 * Traditional to Simplified with OpenCC (only its small t2cn dictionary is loaded), and the
 * query lives in the URL beside the facets, so a search is a link.
 */
import * as OpenCC from 'opencc-js/t2cn';
import { normaliseQuery } from '../lib/query.ts';
import { namedWords, suggest, type SearchName } from '../lib/search-suggest.ts';
import { startFinder } from './finder.ts';

const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });
const form = document.querySelector<HTMLFormElement>('#search-form')!;
const input = document.querySelector<HTMLInputElement>('#q')!;
const listbox = document.querySelector<HTMLUListElement>('#q-suggestions')!;
let composing = false;
const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
/** Measures and places by name and pinyin (search-names.ts), fetched once, on first use. */
let names: SearchName[] = [];
const loadNames = (() => {
  let loading: Promise<void> | undefined;
  return () => (loading ??= fetch(`${base}search-names.json`).then(async (r) => void (names = (await r.json()) as SearchName[])));
})();

const finder = startFinder({
  defaultSort: 'relevance',
  list: document.querySelector<HTMLOListElement>('#search-results')!,
  status: document.querySelector<HTMLElement>('#search-status')!,
  normalise: (q) => normaliseQuery(q, toSimplified),
  requireQuery: true,
  describeWords: async (words) => {
    await loadNames();
    return namedWords(names, words);
  },
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
  if (event.key === 'Enter' && (composing || event.isComposing || event.keyCode === 229)) {
    event.preventDefault();
    return;
  }
  const options = [...listbox.querySelectorAll<HTMLLIElement>('[role="option"]')];
  const current = options.findIndex((o) => o.getAttribute('aria-selected') === 'true');
  if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && options.length > 0) {
    event.preventDefault();
    const next = event.key === 'ArrowDown' ? (current + 1) % options.length : (current - 1 + options.length) % options.length;
    activate(options, next);
  } else if (event.key === 'Enter' && current !== -1) {
    event.preventDefault();
    choose(options[current]!.dataset['name']!);
  } else if (event.key === 'Escape' && !listbox.hidden) {
    event.preventDefault();
    closeSuggestions();
  }
});
form.addEventListener('submit', (event) => {
  event.preventDefault();
  if (composing) return;
  // The search fetches what it needs itself.
  clearTimeout(preloadTimer);
  closeSuggestions();
  finder.search(input.value);
});

// Suggestions: an ARIA combobox. The list follows the last word typed; an input method's
// composition is left alone until it ends, so candidates are never overtaken.
const lastWord = () => input.value.split(/\s+/).at(-1) ?? '';
function closeSuggestions(): void {
  listbox.hidden = true;
  listbox.replaceChildren();
  input.setAttribute('aria-expanded', 'false');
  input.removeAttribute('aria-activedescendant');
}
function activate(options: HTMLLIElement[], index: number): void {
  options.forEach((o, i) => o.setAttribute('aria-selected', String(i === index)));
  input.setAttribute('aria-activedescendant', options[index]!.id);
}
function choose(name: string): void {
  const words = input.value.split(/\s+/);
  words[words.length - 1] = name;
  input.value = words.join(' ');
  closeSuggestions();
  finder.search(input.value);
}
async function showSuggestions(): Promise<void> {
  await loadNames();
  const found = suggest(names, toSimplified(lastWord()));
  if (found.length === 0 || composing) return closeSuggestions();
  listbox.replaceChildren(
    ...found.map((n, i) => {
      const li = document.createElement('li');
      li.id = `q-suggestion-${i}`;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', 'false');
      li.dataset['name'] = n.name;
      li.textContent = n.name;
      const kind = document.createElement('span');
      kind.className = 'muted';
      kind.textContent = `（${n.kind}）`;
      li.append(kind);
      // mousedown, not click: the input keeps its focus.
      li.addEventListener('mousedown', (event) => {
        event.preventDefault();
        choose(n.name);
      });
      return li;
    }),
  );
  listbox.hidden = false;
  input.setAttribute('aria-expanded', 'true');
  input.removeAttribute('aria-activedescendant');
}
// The search page loads Pagefind only when it is about to be used: once the reader starts
// typing, so the first search does not wait for it. When the reader pauses, the index chunks of
// the words typed so far are fetched too (not while an input method composes: its letters are
// not the words), so that Enter searches at once; a pause, so that the chunks of every
// half-typed word are not fetched.
const PRELOAD_AFTER_MS = 400;
let preloadTimer: ReturnType<typeof setTimeout> | undefined;
function preloadAfterPause(): void {
  clearTimeout(preloadTimer);
  preloadTimer = setTimeout(() => finder.preload(input.value), PRELOAD_AFTER_MS);
}
input.addEventListener('input', () => {
  finder.prepare();
  if (composing) {
    clearTimeout(preloadTimer);
    return;
  }
  preloadAfterPause();
  void showSuggestions();
});
input.addEventListener('compositionend', () => {
  preloadAfterPause();
  void showSuggestions();
});
input.addEventListener('blur', () => closeSuggestions());
