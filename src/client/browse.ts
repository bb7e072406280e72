/** The browse page: the shared finder without a query, newest work first. */
import { startFinder } from './finder.ts';

startFinder({
  defaultSort: 'year',
  list: document.querySelector<HTMLOListElement>('#browse-results')!,
  status: document.querySelector<HTMLElement>('#browse-status')!,
});
