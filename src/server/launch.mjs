// Runs the built server bundle, building it first when a build is missing, so
// that `npm start` works on a fresh clone and serving never compiles TypeScript.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import module from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bundle = new URL('dist-server/agora.js', pathToFileURL(root));
const client = new URL('dist/index.html', pathToFileURL(root));

if (!existsSync(bundle) || !existsSync(client)) {
  console.error('agora: no build yet; running `npm run build` first.');
  // The build's progress goes to standard error: standard output carries the server's JSON logs.
  const build = spawnSync('npm', ['run', 'build'], {
    cwd: root,
    stdio: ['ignore', process.stderr, process.stderr],
    shell: process.platform === 'win32',
  });
  if (build.status !== 0) {
    console.error('agora: the build failed; see above.');
    process.exit(build.status ?? 1);
  }
}

process.setSourceMapsEnabled(true);
// Node 22 keeps the compiled modules between starts; Node 20 has no such cache.
module.enableCompileCache?.();
await import(bundle.href);
