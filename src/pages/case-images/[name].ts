/**
 * Publishes the images of the cases: the bytes the content check read and verified as raster
 * images, under a name made of their hash and true type. The loader passes them on as the
 * renderer's output; the bytes are read and verified once more here, so a file changed after
 * the check is not shipped.
 */
import type { APIContext } from 'astro';
import { render } from 'astro:content';
import { publishedCases } from '../../lib/cases.ts';
import { publishedImageBytes, type CaseImage } from '../../lib/case-images.ts';
import { PROJECT_ROOT } from '../../lib/paths.ts';

const MEDIA_TYPES: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp', avif: 'image/avif' };

export async function getStaticPaths() {
  const images = new Map<string, CaseImage>();
  for (const entry of await publishedCases()) {
    const { remarkPluginFrontmatter } = await render(entry);
    for (const image of (remarkPluginFrontmatter['images'] ?? []) as CaseImage[]) images.set(image.name, image);
  }
  return [...images.values()].map((image) => ({ params: { name: image.name }, props: { image } }));
}

export function GET({ props }: APIContext<{ image: CaseImage }>) {
  const { image } = props;
  const bytes = publishedImageBytes(PROJECT_ROOT, image);
  return new Response(new Uint8Array(bytes), { headers: { 'content-type': MEDIA_TYPES[image.name.split('.').pop()!] ?? 'application/octet-stream' } });
}
