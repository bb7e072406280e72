/**
 * The dev server is where editors preview a pull request's case, so it runs stranger's files
 * too. A real `astro dev` on a small case folder: a script beside a case is never imported or
 * run, the refusal is printed in Chinese with file and line, a good case serves, and an edit
 * that breaks a case takes its page down instead of leaving the stale one up; every page then
 * shows the Chinese message.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { closeSync, existsSync, mkdirSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, fromRoot } from '../../src/lib/paths.ts';
import { BUILDS } from '../helpers/site.ts';
import { attacks, writeAttacks } from '../helpers/attacks.ts';
import { caseText, validCase, VALID_BODY } from '../helpers/case-text.ts';

const DIR = join(BUILDS, 'dev-server', 'cases');
const MARKER = join(BUILDS, 'dev-server', 'executed.txt');
const rel = (path: string) => relative(PROJECT_ROOT, path);

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

describe('npm run dev on untrusted cases', () => {
  let dev: ChildProcess;
  let output = '';
  let origin = '';
  const good = caseText({ ...validCase(), id: 'good-case', title: '好案例镇：选派企业干部回村任职' });
  const waitFor = async (test: () => boolean | Promise<boolean>, what: string, ms = 60_000) => {
    for (const start = Date.now(); Date.now() - start < ms; await new Promise((r) => setTimeout(r, 250))) if (await test()) return;
    throw new Error(`等待超时：${what}\n${output}`);
  };
  const status = async (path: string) => (await fetch(`${origin}${path}`)).status;
  /**
   * A save as it can reach the disk on a busy machine: the file is emptied first and its text
   * written a moment later, here just after the dev server has said the file is empty (or after
   * 150 ms if it waits for the writing to end). It must then show the saved text, not stay on
   * the empty file: a second change within 50 ms of the first used to be dropped.
   */
  const saveInTwoSteps = async (path: string, text: string) => {
    const from = output.length;
    const file = openSync(path, 'w');
    for (const start = Date.now(); Date.now() - start < 150 && !output.slice(from).includes(`${rel(path)}:1  文件  文件是空的`);)
      await new Promise((r) => setTimeout(r, 2));
    writeSync(file, text);
    closeSync(file);
  };

  beforeAll(async () => {
    rmSync(join(BUILDS, 'dev-server'), { recursive: true, force: true });
    // The image attacks: scripts referenced as images, inline and by reference, beside the case and in a sub-folder.
    writeAttacks(
      DIR,
      attacks(MARKER).filter((a) => ['image-reference-to-script', 'dotfile-image', 'script-as-image', 'svg-as-png'].includes(a.name)),
    );
    writeFileSync(join(DIR, 'good-case.mdx'), good);
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    // The dev server an editor starts: without the variables the test runner sets for itself.
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(VITEST|VITE_|NODE_ENV$|BASE_URL$|MODE$|DEV$|PROD$|SSR$|TEST$)/.test(k)));
    Object.assign(env, { CASEBOOK_CASES_DIR: rel(DIR), ASTRO_TELEMETRY_DISABLED: '1' });
    dev = spawn(process.execPath, [fromRoot('node_modules', 'astro', 'bin', 'astro.mjs'), 'dev', '--port', String(port), '--host', '127.0.0.1'], {
      cwd: PROJECT_ROOT,
      env,
    });
    dev.stdout!.on('data', (d) => (output += String(d)));
    dev.stderr!.on('data', (d) => (output += String(d)));
    await waitFor(async () => {
      try {
        return (await status('/')) === 200;
      } catch (error) {
        output += `\n[test] ${String((error as { cause?: unknown }).cause ?? error)}`;
        return false;
      }
    }, 'dev server');
  });

  afterAll(() => {
    dev?.kill();
  });

  it('serves the good case and refuses the attacks in Chinese, running nothing', async () => {
    expect(await status('/cases/good-case/')).toBe(200);
    for (const id of ['image-reference-to-script', 'dotfile-image', 'script-as-image', 'svg-as-png']) expect(await status(`/cases/${id}/`)).toBe(404);
    expect(output).toContain(`${rel(DIR)}/image-reference-to-script.mdx:50  正文  图片 ./assets/logo.js 的写法不允许`);
    expect(output).toContain(`${rel(DIR)}/svg-as-png.mdx:48  正文  图片 svg-as-png.png 的内容不是 PNG、JPEG、WebP、GIF 或 AVIF 图片`);
    expect(existsSync(MARKER)).toBe(false);
  });

  it('takes a case down when an edit breaks it, and back up when fixed', async () => {
    const line = `${rel(DIR)}/good-case.mdx:48  正文  run.mjs 不是允许的图片文件`;
    await saveInTwoSteps(
      join(DIR, 'good-case.mdx'),
      caseText({ ...validCase(), id: 'good-case' }, VALID_BODY.replace('## 成效', '![图](./run.mjs)\n\n## 成效')),
    );
    await waitFor(() => output.includes(line), 'the Chinese message for the broken edit');
    await waitFor(async () => (await status('/cases/good-case/')) === 404, 'the broken case to be taken down');
    // The page the editor is looking at says what is wrong, in the same words.
    const shown = await (await fetch(`${origin}/cases/good-case/`)).text();
    expect(shown).toContain('案例内容有');
    expect(shown).toContain('run.mjs 不是允许的图片文件');
    await saveInTwoSteps(join(DIR, 'good-case.mdx'), good);
    await waitFor(async () => (await status('/cases/good-case/')) === 200, 'the fixed case to be served');
    expect(await (await fetch(`${origin}/cases/good-case/`)).text()).toContain('好案例镇');
    expect(existsSync(MARKER)).toBe(false);
  });

  it('publishes a collection written beside the cases, and takes it down when it names a missing case', async () => {
    const dir = join(BUILDS, 'dev-server', 'collections');
    const collection = (ids: string[]) =>
      `title: 开发预览专题\nintro: 编辑在预览时新加的专题，列出好案例镇的做法。\naudience: 测试用的读者\ncases: [${ids.join(', ')}]\n`;
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'preview-course.yaml'), collection(['good-case']));
    await waitFor(async () => (await status('/collections/preview-course/')) === 200, 'the new collection to be served');
    expect(await (await fetch(`${origin}/collections/preview-course/`)).text()).toContain('好案例镇');
    writeFileSync(join(dir, 'preview-course.yaml'), collection(['good-case', 'gone-case']));
    const line = `${rel(dir)}/preview-course.yaml:4  cases.1  找不到案例“gone-case”`;
    await waitFor(() => output.includes(line), 'the Chinese message for the broken collection');
    await waitFor(async () => (await status('/collections/preview-course/')) === 404, 'the broken collection to be taken down');
  });
});
