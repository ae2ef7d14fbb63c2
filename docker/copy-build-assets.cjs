// Copies the files that `tsc -p tsconfig.build.json` leaves behind next to the compiled code in dist/, keeping
// their paths: the event store's SQL migrations (libs/event-store/src/lib/postgres/schema/*.sql), which migrate.ts
// reads from `join(__dirname, 'schema')` at run time, and data files services read at start (JSON: risk-analysis's
// criteria files and AEO list). Run after the build, from the workspace root:
// `node docker/copy-build-assets.cjs` (docker/Dockerfile and docker/image-smoke.mjs both do).
const { copyFileSync, existsSync, mkdirSync, readdirSync } = require('node:fs');
const { dirname, join, relative } = require('node:path');

const ASSET_EXTENSIONS = ['.sql', '.json'];
const root = join(__dirname, '..');

function* assetsUnder(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* assetsUnder(path);
    else if (ASSET_EXTENSIONS.some((ext) => entry.name.endsWith(ext))) yield path;
  }
}

let copied = 0;
for (const top of ['libs', 'services']) {
  if (!existsSync(join(root, top))) continue;
  for (const project of readdirSync(join(root, top))) {
    const src = join(root, top, project, 'src');
    if (!existsSync(src)) continue;
    for (const file of assetsUnder(src)) {
      const target = join(root, 'dist', relative(root, file));
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(file, target);
      copied += 1;
    }
  }
}
if (!existsSync(join(root, 'dist', 'libs', 'event-store', 'src', 'lib', 'postgres', 'schema'))) {
  console.error('copy-build-assets: no SQL migrations copied to dist/libs/event-store/src/lib/postgres/schema (was the build run?)');
  process.exit(1);
}
console.log(`copy-build-assets: ${copied} file(s) copied into dist/`);
