// Bundle sizes of a built extension, raw and gzipped, per entry point: each content script, the UI they load, the
// background, and the options and popup pages with every chunk they load.
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

function htmlScripts(root: string, html: string): string[] {
  const text = fs.readFileSync(path.join(root, html), 'utf8');
  return [...text.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!.replace(/^\//, ''));
}

export function measure(root: string): EntrySize[] {
  const entries: [string, string[]][] = [
    ['content script (GitLab)', ['content-scripts/gitlab.js']],
    ['content script (GitHub)', ['content-scripts/github.js']],
    // The UI the content scripts load on the pages they serve (issue, list and board pages).
    ['content UI', ['content-ui.js']],
    ['background', ['background.js']],
    ['options', htmlScripts(root, 'options.html')],
    ['popup', htmlScripts(root, 'popup.html')],
  ];
  return entries.map(([entry, starts]) => {
    const files = new Set<string>();
    for (const s of starts) withImports(root, s, files);
    const list = [...files];
    const buffers = list.map((f) => fs.readFileSync(path.join(root, f)));
    return {
      entry,
      files: list,
      raw: buffers.reduce((a, b) => a + b.length, 0),
      gzip: buffers.reduce((a, b) => a + zlib.gzipSync(b, { level: 9 }).length, 0),
    };
  });
}
