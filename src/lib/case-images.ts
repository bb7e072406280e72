/**
 * Images beside a case. A case's pictures arrive from strangers, so a file is published only
 * when its bytes are a raster image of an allowed kind: a script or an SVG renamed to x.png
 * is refused, because a browser that opened it from our origin would run it. The build copies
 * the checked bytes under a name made of their hash and their true type; nothing in the case
 * folder is ever imported by the bundler.
 */
import { createHash } from 'node:crypto';
import { lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { imageSize } from 'image-size';

/** Extensions an image reference may have; the bytes decide the published type. */
export const IMAGE_EXTENSIONS = ['.png', '.jpg', '.jpeg', '.webp', '.gif', '.avif'] as const;
/** What image-size calls each allowed kind, with the extension it is published under. */
const RASTER_TYPES: Record<string, string> = { png: 'png', jpg: 'jpg', gif: 'gif', webp: 'webp', avif: 'avif' };
/** A photo for a case page; anything larger is a mistake (or an attempt to fill the disk). */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

export const isImageName = (name: string): boolean => IMAGE_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext));

export interface CaseImage {
  /** As written in the case: ./photo.jpg */
  src: string;
  /** The file, relative to the project root. */
  file: string;
  /** Published name: content hash and true type, e.g. 3f2a…c1.jpg */
  name: string;
  width: number;
  height: number;
}

/**
 * Checks what an image reference in a case may be: ./name.ext, nothing else. Returns the
 * Chinese reason it is refused, or undefined. Script and other-host URLs are refused earlier,
 * with their own messages.
 */
export function imageReferenceProblem(src: string): string | undefined {
  const name = /^\.\/([^/\\?#%]+)$/.exec(src)?.[1];
  if (name === undefined)
    return `图片 ${shortSrc(src)} 的写法不允许：只能引用与案例放在同一文件夹里的图片，写成 ./文件名.jpg（不能有子文件夹、..、绝对路径、?、#、%）`;
  if (name.startsWith('.')) return `图片文件名 ${name} 以“.”开头（隐藏文件），不允许；请改名`;
  if (!isImageName(name)) return `${name} 不是允许的图片文件：只能用 PNG、JPEG、WebP、GIF、AVIF 图片（${IMAGE_EXTENSIONS.join(' ')}）`;
  return undefined;
}

const shortSrc = (src: string) => (src.length > 30 ? `${src.slice(0, 30)}…` : src).replace(/\s+/g, ' ');

/**
 * Reads and checks one image that a case references as ./name.ext. Returns the image or the
 * Chinese reason it cannot be published. `dir` is the case folder, `file` its path for messages.
 */
export function readCaseImage(dir: string, src: string, relativeDir: string): CaseImage | string {
  const problem = imageReferenceProblem(src);
  if (problem) return problem;
  const name = src.slice(2);
  const path = join(dir, name);
  let bytes: Buffer;
  try {
    const stat = lstatSync(path);
    if (stat.isSymbolicLink()) return `图片 ${name} 是符号链接，不允许；请放入图片文件本身`;
    if (!stat.isFile()) return `图片 ${name} 不是文件`;
    if (stat.size > MAX_IMAGE_BYTES)
      return `图片 ${name} 太大（${(stat.size / 1024 / 1024).toFixed(1)} MB），上限 ${MAX_IMAGE_BYTES / 1024 / 1024} MB；请压缩后再放入`;
    bytes = readFileSync(path);
  } catch {
    return `图片 ${src} 不存在；图片文件要和案例文件放在同一个文件夹里，用 ./文件名 引用`;
  }
  const kind = rasterKind(bytes);
  if (!kind) return `图片 ${name} 的内容不是 PNG、JPEG、WebP、GIF 或 AVIF 图片（不看扩展名，看文件内容）；请用图片软件另存为 JPEG 或 PNG`;
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 20);
  return { src, file: join(relativeDir, name), name: `${hash}.${kind.type}`, width: kind.width, height: kind.height };
}

/** The raster kind and size the bytes show, or undefined for anything else (SVG, HTML, scripts, damaged files). */
export function rasterKind(bytes: Uint8Array): { type: string; width: number; height: number } | undefined {
  try {
    const found = imageSize(bytes);
    const type = found.type ? RASTER_TYPES[found.type] : undefined;
    if (!type || !(found.width > 0) || !(found.height > 0)) return undefined;
    return { type, width: found.width, height: found.height };
  } catch {
    return undefined;
  }
}

/** The bytes to publish for an image, checked again so a file swapped after the check is not shipped. */
export function publishedImageBytes(root: string, image: Pick<CaseImage, 'file' | 'name'>): Buffer {
  const bytes = readFileSync(join(root, image.file));
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 20);
  if (!image.name.startsWith(`${hash}.`) || !rasterKind(bytes)) throw new Error(`${image.file}：图片在检查之后被改动了；请重新构建`);
  return bytes;
}
