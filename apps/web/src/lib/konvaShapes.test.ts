import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..');
/** Nodes in Konva's core, always there. */
const CORE = new Set(['Stage', 'Layer', 'FastLayer', 'Group', 'Shape']);
/** Nodes the app defines itself (konvaShapes.ts imports their file). */
const OWN: Readonly<Record<string, string>> = { Path: './konvaPath' };
/** Nodes that come with another node's file. */
const FILE_OF: Readonly<Record<string, string>> = { Tag: 'Label' };
/** Not nodes: the rest of react-konva's exports. */
const NOT_NODES = new Set(['useStrictMode', 'KonvaRenderer', 'version', 'useContextBridge']);

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });

describe('react-konva as the app builds it (konvaShapes.ts)', () => {
  it('registers every Konva node the app draws, or it would be drawn as an empty group', () => {
    const registered = readFileSync(join(import.meta.dirname, 'konvaShapes.ts'), 'utf8');
    const used = new Set<string>();
    for (const file of sourceFiles(SRC)) {
      for (const match of readFileSync(file, 'utf8').matchAll(
        /import\s*\{([^}]*)\}\s*from\s*'react-konva'/g,
      )) {
        for (const name of (match[1] ?? '').split(',')) {
          const imported =
            name
              .replace(/^\s*type\s+/, '')
              .split(/\s+as\s+/)[0]
              ?.trim() ?? '';
          if (imported && !name.trim().startsWith('type ')) used.add(imported);
        }
      }
    }
    expect(used.size).toBeGreaterThan(3);
    const missing = [...used].filter(
      (name) =>
        !CORE.has(name) &&
        !NOT_NODES.has(name) &&
        !registered.includes(
          OWN[name] ? `import '${OWN[name]}';` : `import 'konva/lib/shapes/${FILE_OF[name] ?? name}';`,
        ),
    );
    expect(missing).toEqual([]);
  });
});
