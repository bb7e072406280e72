/**
 * Editors write links between cases as site paths (`/cases/other-case/`); this remark plugin
 * puts the configured `base` in front of them, so case bodies link correctly when the site is
 * served under a sub-path. External links and relative links are left alone.
 */
interface MdNode {
  type: string;
  url?: string;
  children?: MdNode[];
}

export function withBase(url: string, base: string): string {
  const prefix = base.replace(/\/?$/, '/');
  if (!url.startsWith('/') || url.startsWith('//') || prefix === '/' || url.startsWith(prefix)) return url;
  return `${prefix}${url.slice(1)}`;
}

export default function remarkBaseLinks(options: { base: string }) {
  const visit = (node: MdNode): void => {
    if ((node.type === 'link' || node.type === 'definition' || node.type === 'image') && node.url) node.url = withBase(node.url, options.base);
    node.children?.forEach(visit);
  };
  return (tree: MdNode) => visit(tree);
}
