// The production build that `npm run build` makes (the client, then the server bundle),
// written to a private folder so that another engineer's build cannot empty it mid-run.
// The folder links the project's node_modules/, so that the bundle finds its packages as
// dist-server/agora.js does, and the bundle serves the client from its ../dist/.
// With `head`, the source is the last commit (git archive), not the working tree: on a
// machine shared with engineers whose edits are under way, that is the code to measure.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';

const linkPackages = (root, dir) =>
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');

/** Where the measured source is: `root` itself, or a copy of its HEAD in `workDir`. */
export function prepareSource(root, workDir, { head = false } = {}) {
  const git = (args) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
  const commit = git(['rev-parse', '--short', 'HEAD']);
  if (!head) {
    const changed = git(['status', '--porcelain', '--untracked-files=no']) !== '';
    return {
      dir: root,
      commit,
      from: changed ? 'working tree, with uncommitted changes' : 'working tree',
    };
  }
  const dir = join(workDir, 'source');
  mkdirSync(dir);
  execFileSync('sh', ['-c', `git archive HEAD | tar -x -C "${dir}"`], { cwd: root });
  linkPackages(root, dir);
  return { dir, commit, from: `commit ${commit} (git archive HEAD)` };
}

/** Builds `sourceDir` into a new folder in `workDir` and says where everything is. */
export function buildProduction(root, sourceDir, workDir, { log = console.log } = {}) {
  const outDir = mkdtempSync(join(workDir, 'build-'));
  linkPackages(root, outDir);
  const clientDir = join(outDir, 'dist');
  const serverDir = join(outDir, 'dist-server');
  const env = { ...process.env };
  // The production bundle, whatever the shell says: no mock backend in it.
  delete env.VITE_MOCK_API;
  const vite = join(root, 'node_modules/vite/bin/vite.js');
  const steps = [
    ['build', '--outDir', clientDir, '--emptyOutDir'],
    ['build', '--ssr', '--outDir', serverDir, '--emptyOutDir'],
  ];
  const started = Date.now();
  for (const args of steps) {
    const run = spawnSync(process.execPath, [vite, ...args, '--logLevel', 'warn'], {
      cwd: sourceDir,
      env,
      encoding: 'utf8',
      timeout: 240_000,
    });
    if (run.status !== 0) {
      throw new Error(
        `vite ${args.join(' ')} failed (${run.status ?? run.signal}):\n${(run.stdout + run.stderr).slice(-3000)}`,
      );
    }
  }
  log(`  production build in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return { outDir, clientDir, bundle: join(serverDir, 'agora.js') };
}
