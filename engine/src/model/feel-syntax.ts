import { parseExpression } from 'feelin';

type FeelTree = ReturnType<typeof parseExpression>;

/**
 * Checks the syntax of a FEEL expression (without the leading `=`) at deployment time, so that a typo is
 * reported to the modeller instead of becoming an incident at runtime. Returns the reason, or undefined
 * when the expression parses.
 */
export function checkFeelSyntax(source: string): string | undefined {
  if (source.trim() === '') return 'the expression is empty';
  // feelin does not know FEEL Scala's `backtick names`; parse them as plain names of the same length.
  const input = source.replace(/`[^`\n]*`/g, (name) => 'x'.repeat(name.length));
  const tree: FeelTree = parseExpression(input, {}, undefined);
  return describeFirstError(tree, source);
}

function describeFirstError(tree: FeelTree, source: string): string | undefined {
  let reason: string | undefined;
  tree.iterate({
    enter(ref) {
      if (reason !== undefined) return false;
      if (!ref.type.isError) return undefined;
      const node = ref.node;
      const context = node.parent?.name ?? 'expression';
      if (node.from !== node.to) {
        reason = `unexpected '${source.slice(node.from, node.to)}' at position ${node.from + 1}`;
      } else if (node.nextSibling !== null) {
        const next = node.nextSibling;
        reason = `unexpected '${source.slice(next.from, next.to)}' at position ${next.from + 1}`;
      } else if (node.from >= source.length) {
        reason = `the expression ends too early (incomplete ${context})`;
      } else {
        reason = `unexpected '${source.slice(node.from, node.from + 1)}' at position ${node.from + 1}`;
      }
      return false;
    },
  });
  return reason;
}
