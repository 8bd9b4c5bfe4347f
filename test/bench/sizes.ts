// Bundle sizes of a built extension, raw and gzipped, per entry point: each content script, the UI they load (and what
// it loads on demand), the background, and the options and popup pages with every chunk they load.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export interface EntrySize {
  entry: string;
  files: string[];
  raw: number;
  gzip: number;
}

/** The file and every chunk it imports statically (`import … from "./chunks/x.js"`), relative to the build root. */
function withImports(root: string, file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = fs.readFileSync(path.join(root, file), 'utf8');
  for (const m of code.matchAll(/(?:import|from)\s*["']([^"']+\.js)["']/g)) {
    const target = path.normalize(path.join(path.dirname(file), m[1]!));
    if (fs.existsSync(path.join(root, target))) withImports(root, target, seen);
  }
  return seen;
}

/**
 * Chunks the files import dynamically (loaded on demand) and not already among them, with their own imports, static
 * and dynamic (the full panel is a chunk that loads its closed sections on demand in turn).
 */
function onDemand(root: string, files: Set<string>): Set<string> {
  const out = new Set<string>();
  const queue = [...files];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    const code = fs.readFileSync(path.join(root, file), 'utf8');
    for (const m of code.matchAll(/import\(\s*[`"']([^`"']+\.js)[`"']\s*\)/g)) {
      const target = path.normalize(path.join(path.dirname(file), m[1]!));
      if (!fs.existsSync(path.join(root, target)) || files.has(target) || out.has(target)) continue;
      const before = new Set(out);
      withImports(root, target, out);
      queue.push(...[...out].filter((f) => !before.has(f)));
    }
  }
  for (const f of files) out.delete(f);
  return out;
}

function htmlScripts(root: string, html: string): string[] {
  const text = fs.readFileSync(path.join(root, html), 'utf8');
  return [...text.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!.replace(/^\//, ''));
}

export function measure(root: string): EntrySize[] {
  const ui = withImports(root, 'content-ui.js');
  // Each entry's files, with their static imports (the on-demand entry lists only what the UI has not loaded yet).
  const closure = (starts: string[]) => [...starts.reduce((seen, s) => withImports(root, s, seen), new Set<string>())];
  const entries: [string, string[]][] = [
    ['content script (GitLab)', closure(['content-scripts/gitlab.js'])],
    ['content script (GitHub)', closure(['content-scripts/github.js'])],
    // The UI module the content scripts import on the pages they serve (issue, list and board pages), with its chunks.
    ['content UI', [...ui]],
    // Chunks it imports when needed: closed panel sections when opened, list badges on list and board pages.
    ['content UI, on demand', [...onDemand(root, ui)]],
    ['background', closure(['background.js'])],
    ['options', closure(htmlScripts(root, 'options.html'))],
    ['popup', closure(htmlScripts(root, 'popup.html'))],
  ];
  return entries.map(([entry, list]) => {
    const buffers = list.map((f) => fs.readFileSync(path.join(root, f)));
    return {
      entry,
      files: list,
      raw: buffers.reduce((a, b) => a + b.length, 0),
      gzip: buffers.reduce((a, b) => a + zlib.gzipSync(b, { level: 9 }).length, 0),
    };
  });
}
