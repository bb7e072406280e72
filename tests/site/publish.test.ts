/**
 * Publishing is atomic: dist/ is a link swapped with one rename. A real build is killed again
 * and again at different moments, and after every kill the previous site is there, whole; the
 * clean-up that follows removes what killed builds left, reports it, and never touches the
 * published version or a build that is still running.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT, fromRoot } from '../../src/lib/paths.ts';
import { cleanUp, currentVersion, publish, publishPaths, stagingFolder } from '../../src/lib/publish.ts';
import { BUILDS, runScript } from '../helpers/site.ts';

const WORK = join(BUILDS, 'publish');

describe('publishing a folder as the site', () => {
  it('swaps the link, moves a plain folder aside once, and cleans up only what is not in use', async () => {
    rmSync(WORK, { recursive: true, force: true });
    mkdirSync(join(WORK, 'site'), { recursive: true });
    writeFileSync(join(WORK, 'site', 'index.html'), 'old plain folder');
    const paths = publishPaths(join(WORK, 'site'));

    const first = stagingFolder(paths);
    writeFileSync(join(first, 'index.html'), 'first');
    publish(paths, first);
    expect(lstatSync(paths.out).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(paths.out, 'index.html'), 'utf8')).toBe('first');

    // What killed builds leave: a staging folder of a dead process, an unlinked version and a
    // half-made link; and a staging folder of a build that is still running.
    const dead = spawnSync(process.execPath, ['-e', 'process.pid']).pid!;
    mkdirSync(join(paths.versions, `staging-${dead}-1`));
    mkdirSync(join(paths.versions, 'site-orphan'));
    symlinkSync('nowhere', `${paths.out}.link-${dead}`);
    const running = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    const live = join(paths.versions, `staging-${running.pid}-2`);
    mkdirSync(live);
    // A version another process is removing is left to it; one whose remover died is taken over.
    mkdirSync(join(paths.versions, `removing-${running.pid}-site-old`));
    mkdirSync(join(paths.versions, `removing-${dead}-site-older`));
    // The staging folder of the build that cleans up, which it names as in use.
    const mine = stagingFolder(paths);
    try {
      const said = await cleanUp(paths, { inUse: mine });
      expect(said).toEqual([`已清理一次中断的构建留下的临时文件夹 staging-${dead}-1`]);
      expect(readdirSync(paths.versions).sort()).toEqual(
        [
          relative(paths.versions, currentVersion(paths)!),
          `staging-${running.pid}-2`,
          `removing-${running.pid}-site-old`,
          relative(paths.versions, mine),
        ].sort(),
      );
      expect(readdirSync(WORK).filter((n) => n.includes('.link-'))).toEqual([]);
      expect(readFileSync(join(paths.out, 'index.html'), 'utf8')).toBe('first');
    } finally {
      running.kill();
    }
  });
});

describe('a real build killed at any moment', () => {
  it('leaves the previous site whole every time, and the next build cleans up', async () => {
    rmSync(WORK, { recursive: true, force: true });
    const site = join(WORK, 'built');
    const args = [fromRoot('scripts', 'build.ts'), '--out', relative(PROJECT_ROOT, site)];
    expect(runScript('build.ts', args.slice(1)).status).toBe(0);
    const home = readFileSync(join(site, 'index.html'), 'utf8');

    // A five-case build takes a few seconds; kills land while Astro starts, renders, indexes
    // and publishes. Each new build is identical, so the page must always read the same.
    for (const ms of [200, 900, 1800, 2700, 3600, 4500, 5400, 6300]) {
      const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', ...args], { cwd: PROJECT_ROOT, stdio: 'ignore' });
      const exited = new Promise((r) => child.once('exit', r));
      await new Promise((r) => setTimeout(r, ms));
      child.kill('SIGKILL');
      await exited;
      expect(existsSync(join(site, 'index.html')), `killed after ${ms} ms`).toBe(true);
      expect(readFileSync(join(site, 'index.html'), 'utf8')).toBe(home);
    }
    const last = runScript('build.ts', args.slice(1));
    expect(last.status, last.stderr).toBe(0);
    // What the killed builds left is gone, and the version the last build replaced goes in a
    // process of its own that outlives the build (src/lib/publish.ts).
    const versions = publishPaths(site).versions;
    await expect.poll(() => readdirSync(versions), { timeout: 20_000 }).toEqual([readlinkSync(site).split('/').pop()]);
    expect(readdirSync(WORK).sort()).toEqual(['.built-versions', 'built']);
  }, 180_000);
});
