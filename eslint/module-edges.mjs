// The module edges of ARCHITECTURE.md, as a lint rule: a feature (a folder of src/) never imports
// another feature's repository or entity, only what that feature exports (its services); and the
// shared folders (common/, config/, database/) import no feature at all. Files at the root of src/
// (app.module.ts, entities.ts, main.ts) assemble the features and may import any of them.
import { dirname, relative, resolve, sep } from 'node:path';

const SHARED = new Set(['common', 'config', 'database']);

/** The folder of src/ a file belongs to; null outside src/ or for src/'s own files. */
function featureOf(file, srcRoot) {
  const path = relative(srcRoot, file);
  if (path.startsWith('..')) return null;
  const parts = path.split(sep);
  return parts.length > 1 ? parts[0] : null;
}

export default {
  rules: {
    'module-edges': {
      meta: {
        type: 'problem',
        docs: { description: 'Keeps features behind their services, and shared code feature-free' },
        schema: [],
        messages: {
          internals:
            "{{importer}}/ imports {{target}}/'s {{what}} ({{path}}): use a service that {{target}}/ exports",
          shared:
            '{{importer}}/ is shared by every feature and must not import {{target}}/ ({{path}})',
        },
      },
      create(context) {
        const srcRoot = resolve(context.cwd, 'src');
        const file = context.filename;
        const importer = featureOf(file, srcRoot);
        if (importer === null) return {};
        const check = (node, source) => {
          const path = source.value;
          if (typeof path !== 'string' || !path.startsWith('.')) return;
          const targetFile = resolve(dirname(file), path);
          const target = featureOf(targetFile, srcRoot);
          if (target === null || target === importer) return;
          if (SHARED.has(importer) && !SHARED.has(target)) {
            context.report({ node, messageId: 'shared', data: { importer, target, path } });
            return;
          }
          const what = /\.(repository|entity)$/.exec(targetFile)?.[1];
          // An entity may name another feature's entity: a relation is a foreign key of the
          // schema (teams, players), not a way into that feature's code.
          if (what === 'entity' && /\.entity\.ts$/.test(file)) return;
          if (what) {
            context.report({
              node,
              messageId: 'internals',
              data: { importer, target, what, path },
            });
          }
        };
        return {
          ImportDeclaration: (node) => check(node, node.source),
          ExportNamedDeclaration: (node) => node.source && check(node, node.source),
          ExportAllDeclaration: (node) => check(node, node.source),
        };
      },
    },
  },
};
