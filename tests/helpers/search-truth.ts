/**
 * What a search must find, worked out from the case files themselves rather than from the
 * index: a case's searchable text is its title, summary, body, figures, places and the names
 * (and aliases) of its measures. Markdown marks (** and links' targets) are left out.
 */
import type { PublishableCase } from '../../src/lib/validate.ts';
import { measuresById } from '../../src/schema/vocabulary.ts';

export function searchableText(c: Pick<PublishableCase, 'data' | 'body'>): string {
  const { data } = c;
  const body = c.body.replace(/\]\([^)]*\)/g, ']').replace(/[*_#>[\]]/g, '');
  return [
    data.title,
    data.summary,
    body,
    ...data.metrics.flatMap((m) => [m.label, m.display]),
    ...data.region.path,
    ...data.measures.flatMap((id) => [measuresById.get(id)!.name, ...measuresById.get(id)!.aliases]),
  ].join('\n');
}
