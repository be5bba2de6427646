/**
 * `tsx scripts/pack-word-lists.ts [--check] [FILE...]` (default: every file under src/): rewrites
 * word lists written one string literal a line into the packed form of src/text/words.ts.
 *
 * A list qualifies when it is an array literal (or the array of a `new Set([...])`) of at least
 * eight plain string literals with no comment inside it, and packing it saves lines. Entries
 * without whitespace become `words`/`wordSet`; if any entry holds a space the list becomes
 * `phrases`/`phraseSet` (`|`-separated). An array whose contextual type would not accept the
 * helper's readonly result (`as const`, a literal union, a mutable `string[]` slot) is left
 * alone, as is any entry the template could not hold verbatim (backslash, backtick, `${`, `|`,
 * odd spacing). Output is wrapped at the prettier width and then run through prettier. `--check`
 * lists what would change and exits 1 if anything would.
 */
import { writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import ts from 'typescript';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const helperFile = resolve(repo, 'src/text/words.ts');
const MIN_ENTRIES = 8;
const WIDTH = 120;

type Helper = 'words' | 'wordSet' | 'phrases' | 'phraseSet';
interface Edit {
  start: number;
  end: number;
  text: string;
  helper: Helper;
}

function programFor(files: string[]): ts.Program {
  const configPath = resolve(repo, 'tsconfig.json');
  const config = ts.readConfigFile(configPath, (p) => ts.sys.readFile(p));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, repo);
  return ts.createProgram({ rootNames: [...files, helperFile], options: parsed.options });
}

/** The helpers' declared return types, to ask whether a list's slot accepts them. */
function helperTypes(program: ts.Program): Record<Helper, ts.Type> {
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(helperFile);
  if (!source) throw new Error(`cannot read ${helperFile}`);
  const out: Partial<Record<Helper, ts.Type>> = {};
  for (const statement of source.statements) {
    if (!ts.isFunctionDeclaration(statement) || !statement.name) continue;
    const signature = checker.getSignatureFromDeclaration(statement);
    if (signature) out[statement.name.text as Helper] = checker.getReturnTypeOfSignature(signature);
  }
  for (const name of ['words', 'wordSet', 'phrases', 'phraseSet'] as const)
    if (!out[name]) throw new Error(`${helperFile} does not declare ${name}`);
  return out as Record<Helper, ts.Type>;
}

/** The entries of an array literal if every one can be written verbatim in a template, else undefined. */
function plainEntries(array: ts.ArrayLiteralExpression): string[] | undefined {
  if (array.elements.length < MIN_ENTRIES) return undefined;
  const out: string[] = [];
  for (const element of array.elements) {
    if (!ts.isStringLiteral(element)) return undefined;
    const value = element.text;
    if (value === '' || /[`\\|]|\$\{/.test(value)) return undefined;
    if (value !== value.trim() || /\s\s|[^\S ]/.test(value)) return undefined;
    out.push(value);
  }
  return out;
}

function hasComment(node: ts.Node, source: ts.SourceFile): boolean {
  const text = source.text.slice(node.getStart(source), node.getEnd());
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, text);
  for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan())
    if (token === ts.SyntaxKind.SingleLineCommentTrivia || token === ts.SyntaxKind.MultiLineCommentTrivia) return true;
  return false;
}

function isAsConst(node: ts.Node): boolean {
  const parent = node.parent;
  return (
    ts.isAsExpression(parent) &&
    ts.isTypeReferenceNode(parent.type) &&
    ts.isIdentifier(parent.type.typeName) &&
    parent.type.typeName.text === 'const'
  );
}

function lineOf(source: ts.SourceFile, pos: number): number {
  return source.getLineAndCharacterOfPosition(pos).line;
}

/** The packed text for a list, on one line if it fits there, else wrapped under the list's indent. */
function packed(
  helper: Helper,
  entries: string[],
  node: ts.Node,
  source: ts.SourceFile,
): { text: string; lines: number } {
  const separator = helper === 'words' || helper === 'wordSet' ? ' ' : ' | ';
  const start = node.getStart(source);
  const lineStart = source.getPositionOfLineAndCharacter(lineOf(source, start), 0);
  const prefix = source.text.slice(lineStart, start);
  const lineEnd = source.text.indexOf('\n', node.getEnd());
  const suffix = source.text.slice(node.getEnd(), lineEnd < 0 ? undefined : lineEnd);
  const oneLine = `${helper}\`${entries.join(separator)}\``;
  if (prefix.length + oneLine.length + suffix.length <= WIDTH) return { text: oneLine, lines: 1 };
  const indent = /^\s*/.exec(prefix)?.[0] ?? '';
  const inner = `${indent}  `;
  const rows: string[] = [];
  let row = '';
  entries.forEach((entry, i) => {
    const piece = i < entries.length - 1 ? entry + separator.trimEnd() : entry;
    const next = row === '' ? inner + piece : `${row} ${piece}`;
    if (row !== '' && next.length > WIDTH) {
      rows.push(row);
      row = inner + piece;
    } else row = next;
  });
  rows.push(row);
  return { text: `${helper}\`\n${rows.join('\n')}\n${indent}\``, lines: rows.length + 2 };
}

function editsFor(source: ts.SourceFile, checker: ts.TypeChecker, types: Record<Helper, ts.Type>): Edit[] {
  const edits: Edit[] = [];
  const consider = (node: ts.Expression, array: ts.ArrayLiteralExpression, asSet: boolean): boolean => {
    const entries = plainEntries(array);
    if (!entries || hasComment(node, source) || isAsConst(node)) return false;
    const spaced = entries.some((e) => e.includes(' '));
    const helper: Helper = spaced ? (asSet ? 'phraseSet' : 'phrases') : asSet ? 'wordSet' : 'words';
    const slot = checker.getContextualType(node);
    if (slot && !(slot.flags & ts.TypeFlags.Any) && !checker.isTypeAssignableTo(types[helper], slot)) return false;
    const { text, lines } = packed(helper, entries, node, source);
    const before = lineOf(source, node.getEnd()) - lineOf(source, node.getStart(source)) + 1;
    if (lines >= before) return false;
    edits.push({ start: node.getStart(source), end: node.getEnd(), text, helper });
    return true;
  };
  const visit = (node: ts.Node): void => {
    if (
      ts.isNewExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'Set' &&
      (!node.typeArguments ||
        (node.typeArguments.length === 1 && node.typeArguments[0]!.kind === ts.SyntaxKind.StringKeyword)) &&
      node.arguments?.length === 1 &&
      ts.isArrayLiteralExpression(node.arguments[0]!) &&
      consider(node, node.arguments[0], true)
    )
      return;
    if (ts.isArrayLiteralExpression(node) && consider(node, node, false)) return;
    ts.forEachChild(node, visit);
  };
  visit(source);
  return edits;
}

function withImport(text: string, source: ts.SourceFile, file: string, helpers: Set<Helper>): string {
  let specifier = relative(dirname(file), helperFile).replace(/\.ts$/, '.js');
  if (!specifier.startsWith('.')) specifier = `./${specifier}`;
  const imports = source.statements.filter(ts.isImportDeclaration);
  const existing = imports.find(
    (d) => ts.isStringLiteral(d.moduleSpecifier) && d.moduleSpecifier.text === specifier && !d.importClause?.isTypeOnly,
  );
  const names = new Set<string>(helpers);
  const bindings = existing?.importClause?.namedBindings;
  if (existing && bindings && ts.isNamedImports(bindings)) {
    for (const element of bindings.elements) names.add(element.getText(source));
    const line = `import { ${[...names].sort().join(', ')} } from '${specifier}';`;
    return text.slice(0, existing.getStart(source)) + line + text.slice(existing.getEnd());
  }
  const line = `import { ${[...names].sort().join(', ')} } from '${specifier}';\n`;
  const relativeImports = imports.filter((d) => (d.moduleSpecifier as ts.StringLiteral).text.startsWith('.'));
  const after = relativeImports.find((d) => (d.moduleSpecifier as ts.StringLiteral).text > specifier);
  if (after) {
    const at = after.getStart(source);
    return text.slice(0, at) + line + text.slice(at);
  }
  const last = imports.at(-1);
  if (last) {
    const at = last.getEnd() + 1;
    return text.slice(0, at) + line + text.slice(at);
  }
  const first = source.statements[0];
  const at = first ? first.getStart(source) : 0;
  return text.slice(0, at) + line + '\n' + text.slice(at);
}

function sourceFiles(args: string[]): string[] {
  if (args.length > 0) return args.map((a) => resolve(a));
  return ts.sys
    .readDirectory(resolve(repo, 'src'), ['.ts'], undefined, ['**/*'])
    .map((f) => resolve(f))
    .filter((f) => !f.endsWith('.d.ts'));
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const files = sourceFiles(args.filter((a) => a !== '--check')).filter((f) => f !== helperFile);
  const program = programFor(files);
  const checker = program.getTypeChecker();
  const types = helperTypes(program);
  let saved = 0;
  let changed = 0;
  for (const file of files) {
    const source = program.getSourceFile(file);
    if (!source) throw new Error(`not in the program: ${file}`);
    const edits = editsFor(source, checker, types);
    if (edits.length === 0) continue;
    let text = source.text;
    for (const edit of [...edits].sort((a, b) => b.start - a.start))
      text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
    const reparsed = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    text = withImport(text, reparsed, file, new Set(edits.map((e) => e.helper)));
    const options = await prettier.resolveConfig(file);
    text = await prettier.format(text, { ...options, filepath: file });
    const delta = source.text.split('\n').length - text.split('\n').length;
    saved += delta;
    changed++;
    console.log(`${relative(repo, file)}: ${edits.length} list(s), ${delta} line(s) saved`);
    if (!check) writeFileSync(file, text);
  }
  console.log(`${changed} file(s), ${saved} line(s) ${check ? 'would be ' : ''}saved`);
  if (check && changed > 0) process.exitCode = 1;
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
