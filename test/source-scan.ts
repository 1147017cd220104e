/*
 * Reads the project's own TypeScript for the architecture tests (library-writers, import-cycles):
 * which tables a module writes and which modules it imports. It parses with the parser Vite ships
 * (oxc, through vite's parseSync), so it needs neither the TypeScript compiler's API nor a type
 * checker, and it is syntactic: it follows what the code names, not what the types would prove.
 * docs/storage-model.md says what it recognises.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { parseSync } from 'vite';

export const ROOT = new URL('..', import.meta.url).pathname;

/** A module: its path from the repository's root, with forward slashes, and its text. */
export interface Source {
  file: string;
  text: string;
}

/** Every .ts and .tsx file under the folders (paths from the repository's root), with its text. */
export function readSources(...folders: string[]): Source[] {
  const files: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(join(ROOT, folder), { withFileTypes: true })) {
      const path = posix.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) walk(path);
      } else if (/\.tsx?$/u.test(entry.name)) files.push(path);
    }
  };
  for (const folder of folders) walk(folder);
  return files.sort().map((file) => ({ file, text: readFileSync(join(ROOT, file), 'utf8') }));
}

// ---------------------------------------------------------------------------------------------
// The parse tree, loosely typed: oxc's ESTree with TypeScript's nodes.

interface Node {
  type: string;
  start: number;
  [key: string]: unknown;
}

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';

function parse(source: Source): Node {
  const result = parseSync(source.file, source.text, { lang: source.file.endsWith('.tsx') ? 'tsx' : 'ts', astType: 'ts' });
  if (result.errors.length > 0) throw new Error(`${source.file} does not parse: ${result.errors.map((error) => error.message).join('; ')}`);
  return result.program as unknown as Node;
}

/** Every node of the tree. */
function* nodesOf(node: Node): Generator<Node> {
  yield node;
  for (const value of Object.values(node)) for (const child of Array.isArray(value) ? value : [value]) if (isNode(child)) yield* nodesOf(child);
}

const nameOf = (node: unknown): string | null => (isNode(node) && node.type === 'Identifier' ? (node.name as string) : null);
const stringOf = (node: unknown): string | null => {
  if (!isNode(node)) return null;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && (node.expressions as unknown[]).length === 0) return ((node.quasis as Node[])[0]!.value as { cooked: string }).cooked;
  if (node.type === 'TSLiteralType') return stringOf(node.literal);
  return null;
};
/** The name a member expression reads: `a.b` and `a['b']` read b; `a[b]` reads nothing known. */
const memberName = (node: Node): string | null => (node.computed ? stringOf(node.property) : nameOf(node.property));

const WRAPPERS = new Set(['ParenthesizedExpression', 'TSAsExpression', 'TSNonNullExpression', 'TSSatisfiesExpression', 'TSTypeAssertion', 'ChainExpression']);
function unwrap(node: Node): Node {
  while (WRAPPERS.has(node.type)) node = node.expression as Node;
  return node;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset && index < text.length; index++) if (text.charCodeAt(index) === 10) line++;
  return line;
}

// ---------------------------------------------------------------------------------------------
// The schema, as database.ts declares it.

export interface Schema {
  /** Every table some version's stores() names, including those a later version drops: an upgrade before the drop writes them. */
  tables: string[];
  /** The tables a later version drops (`table: null`), which the database no longer has. */
  dropped: string[];
  /** The database's class: a PaperdropDatabase, or the saved search index's SearchIndexDatabase. */
  databaseClass: string;
  /** The database class's fields, by name, to the record type their Table holds. */
  fields: Map<string, string | null>;
  /** A record type's name to the tables that hold it: a Table<PaperState> parameter may be either marks table. */
  tablesByRecord: Map<string, string[]>;
}

export function readSchema(database: Source, databaseClass = 'PaperdropDatabase'): Schema {
  const tables = new Set<string>();
  const dropped = new Set<string>();
  const fields = new Map<string, string | null>();
  for (const node of nodesOf(parse(database))) {
    if (node.type === 'CallExpression') {
      const callee = unwrap(node.callee as Node);
      const [argument] = node.arguments as Node[];
      if (callee.type === 'MemberExpression' && memberName(callee) === 'stores' && argument?.type === 'ObjectExpression') {
        for (const property of argument.properties as Node[]) {
          const key = nameOf(property.key) ?? stringOf(property.key);
          if (key) tables.add(key);
          if (key && (property.value as Node).type === 'Literal' && (property.value as Node).value === null) dropped.add(key);
        }
      }
    }
    if (node.type === 'ClassDeclaration' && nameOf(node.id) === databaseClass) {
      for (const member of (node.body as Node).body as Node[]) {
        const annotation = (member.typeAnnotation as Node | null)?.typeAnnotation as Node | undefined;
        if (member.type !== 'PropertyDefinition' || !annotation || annotation.type !== 'TSTypeReference') continue;
        const record = ((annotation.typeArguments as Node | null)?.params as Node[] | undefined)?.[0];
        fields.set(nameOf(member.key)!, record?.type === 'TSTypeReference' ? typeName(record) : null);
      }
    }
  }
  const tablesByRecord = new Map<string, string[]>();
  for (const [table, record] of fields) if (record) tablesByRecord.set(record, [...(tablesByRecord.get(record) ?? []), table]);
  return { databaseClass, tables: [...tables].sort(), dropped: [...dropped].sort(), fields, tablesByRecord };
}

function typeName(reference: Node): string | null {
  const name = reference.typeName as Node;
  return name.type === 'TSQualifiedName' ? nameOf(name.right) : nameOf(name);
}

// ---------------------------------------------------------------------------------------------
// Writes.

/** Calls that change a Dexie table or collection; an IndexedDB object store's put, add, delete and clear are among them. */
const WRITE_METHODS = new Set(['put', 'bulkPut', 'add', 'bulkAdd', 'update', 'bulkUpdate', 'upsert', 'modify', 'delete', 'bulkDelete', 'clear']);
/** Calls on a table, a where-clause or a collection that give a collection of the same table. */
const QUERY_METHODS = new Set(
  (
    'where equals equalsIgnoreCase anyOf anyOfIgnoreCase noneOf notEqual above aboveOrEqual below belowOrEqual between inAnyRange ' +
    'startsWith startsWithIgnoreCase startsWithAnyOf startsWithAnyOfIgnoreCase filter and or toCollection orderBy reverse limit offset ' +
    'until distinct clone desc raw'
  ).split(' '),
);
/** Calls that reach a table by its name: Dexie's transaction.table('x') and db.table('x'), IndexedDB's objectStore('x'). */
const BY_NAME = new Set(['table', 'objectStore']);
const TABLE_TYPES = new Set(['Table', 'EntityTable', 'Collection', 'WhereClause']);

/** A write whose table the scanner cannot name: a table('…') of a name worked out at run time, db.tables, a Table<T> of any T. */
export const ANY_TABLE = '*';
const DATABASE = '#database';

export interface Write {
  file: string;
  line: number;
  /** A table's name, or ANY_TABLE. */
  table: string;
  method: string;
}

/**
 * Every write in a module to a table of the schema. A write is a write method read off something
 * that is a table or a query of one: `db.papers`, `this.db.papers`, `db['papers']`,
 * `transaction.table('papers')`, each followed by any where/between/filter/toCollection…, or a
 * variable or parameter bound to one (by its initializer, by destructuring `{ papers } = db`, or by
 * a type: `PaperdropDatabase['papers']`, `Table<PaperRecord, …>`). Deleting the database writes
 * every table. A write method on anything else (a Set, a Map, a store of settings) is not a write.
 */
export function writesIn(source: Source, schema: Schema): Write[] {
  const tables = new Set(schema.tables);
  const databaseTypes = new Set([schema.databaseClass, 'Dexie']);
  const program = parse(source);
  const bindings = bindingsOf(program);

  const fromType = (type: Node | undefined): Set<string> => {
    if (!type) return new Set();
    if (type.type === 'TSUnionType') return new Set((type.types as Node[]).flatMap((each) => [...fromType(each)]));
    if (type.type === 'TSIndexedAccessType') {
      const key = stringOf(type.indexType);
      return new Set(key && tables.has(key) ? [key] : []);
    }
    if (type.type !== 'TSTypeReference') return new Set();
    const name = typeName(type);
    if (name && databaseTypes.has(name)) return new Set([DATABASE]);
    if (!name || !TABLE_TYPES.has(name)) return new Set();
    const record = ((type.typeArguments as Node | null)?.params as Node[] | undefined)?.[0];
    const held = record?.type === 'TSTypeReference' ? schema.tablesByRecord.get(typeName(record) ?? '') : undefined;
    return new Set(held ?? [ANY_TABLE]);
  };

  /** `batch.papers` with `batch: IngestBatch` is no table: a name declared only with some other type is not the database. Anything else may be. */
  const typedOtherwise = (object: Node): boolean => {
    const name = nameOf(unwrap(object));
    const declared = name ? (bindings.get(name) ?? []) : [];
    return declared.length > 0 && declared.every((binding) => binding.kind === 'type' && binding.node.type === 'TSTypeReference' && !databaseTypes.has(typeName(binding.node) ?? ''));
  };

  const resolving = new Set<string>();
  const resolve = (expression: Node): Set<string> => {
    const node = unwrap(expression);
    switch (node.type) {
      case 'MemberExpression': {
        const name = memberName(node);
        if (name === 'tables' || (name && tables.has(name))) return typedOtherwise(node.object as Node) ? new Set() : new Set([name === 'tables' ? ANY_TABLE : name]);
        return new Set();
      }
      case 'CallExpression': {
        const callee = unwrap(node.callee as Node);
        const method = callee.type === 'MemberExpression' ? memberName(callee) : null;
        if (method && BY_NAME.has(method)) return new Set([stringOf((node.arguments as Node[])[0]) ?? ANY_TABLE]);
        if (callee.type === 'MemberExpression') {
          const object = resolve(callee.object as Node);
          if (method && QUERY_METHODS.has(method)) return withoutDatabase(object);
          // Any other call on a table (get, toArray, count…) gives rows, not the table.
          if (withoutDatabase(object).size > 0) return new Set();
        }
        // A helper handed a table may hand back a query of it (paper-lists.ts recordsOf): what it is given, it may give back.
        return new Set((node.arguments as Node[]).flatMap((argument) => [...withoutDatabase(resolve(argument))]));
      }
      case 'NewExpression':
        return new Set(databaseTypes.has(nameOf(node.callee) ?? '') ? [DATABASE] : []);
      case 'Identifier': {
        const name = node.name as string;
        if (resolving.has(name)) return new Set();
        resolving.add(name);
        const targets = new Set<string>();
        for (const binding of bindings.get(name) ?? []) for (const target of bound(binding)) targets.add(target);
        resolving.delete(name);
        return targets;
      }
      default:
        return new Set();
    }
  };

  /** What a name's binding makes it: a table by destructuring, by its value or by its type; any table, for an element of db.tables. */
  const bound = (binding: Binding): Set<string> => {
    if (binding.kind === 'field') return new Set(tables.has(binding.field) ? [binding.field] : []);
    if (binding.kind === 'type') return fromType(binding.node);
    const value = resolve(binding.node);
    return binding.kind === 'value' ? value : new Set(value.has(ANY_TABLE) ? [ANY_TABLE] : []);
  };

  const writes: Write[] = [];
  for (const node of nodesOf(program)) {
    if (node.type !== 'MemberExpression') continue;
    const method = memberName(node);
    const object = unwrap(node.object as Node);
    let targets: Set<string>;
    if (method === 'deleteDatabase' || (method === 'delete' && nameOf(object) === 'Dexie')) targets = new Set([ANY_TABLE]);
    else if (method && WRITE_METHODS.has(method)) targets = resolve(object);
    else continue;
    if (targets.delete(DATABASE) && method === 'delete') targets.add(ANY_TABLE);
    for (const table of targets) writes.push({ file: source.file, line: lineOf(source.text, node.start), table, method: method! });
  }
  return writes;
}

const withoutDatabase = (targets: Set<string>) => new Set([...targets].filter((target) => target !== DATABASE));

type Binding = { kind: 'value' | 'type' | 'element'; node: Node } | { kind: 'field'; field: string };

/** What each name in the module is bound to, by any declaration of it: the scanner does not tell scopes apart, so a name bound to a table anywhere is one everywhere. */
function bindingsOf(program: Node): Map<string, Binding[]> {
  const bindings = new Map<string, Binding[]>();
  const bind = (name: string | null, binding: Binding) => {
    if (name) bindings.set(name, [...(bindings.get(name) ?? []), binding]);
  };
  const bindTarget = (target: Node, value: Node | null) => {
    if (target.type === 'Identifier') {
      const annotation = (target.typeAnnotation as Node | null)?.typeAnnotation as Node | undefined;
      if (annotation) bind(target.name as string, { kind: 'type', node: annotation });
      if (value) bind(target.name as string, { kind: 'value', node: value });
    } else if (target.type === 'AssignmentPattern') {
      bindTarget(target.left as Node, target.right as Node);
    } else if (target.type === 'ObjectPattern') {
      for (const property of target.properties as Node[]) {
        if (property.type !== 'Property') continue;
        const local = unwrapPattern(property.value as Node);
        const field = nameOf(property.key) ?? stringOf(property.key);
        if (local && field) bind(local, { kind: 'field', field });
      }
    } else if (target.type === 'TSParameterProperty') {
      bindTarget(target.parameter as Node, null);
    }
  };
  for (const node of nodesOf(program)) {
    if (node.type === 'VariableDeclarator') bindTarget(node.id as Node, (node.init as Node | null) ?? null);
    if (node.type === 'ForOfStatement' && (node.left as Node).type === 'VariableDeclaration') {
      for (const declarator of (node.left as Node).declarations as Node[]) {
        const name = nameOf(declarator.id);
        if (name) bind(name, { kind: 'element', node: node.right as Node });
      }
    }
    if (['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression', 'TSDeclareFunction'].includes(node.type)) {
      for (const param of node.params as Node[]) bindTarget(param, null);
    }
  }
  return bindings;
}

const unwrapPattern = (node: Node): string | null => (node.type === 'AssignmentPattern' ? nameOf(node.left) : nameOf(node));

// ---------------------------------------------------------------------------------------------
// Imports.

/** The modules a module imports, type-only imports, re-exports and import() included: relative ones, resolved to files of `known`. */
export function importsOf(source: Source, known: ReadonlySet<string>): string[] {
  const specifiers: string[] = [];
  for (const node of nodesOf(parse(source))) {
    let specifier: string | null = null;
    if (['ImportDeclaration', 'ExportNamedDeclaration', 'ExportAllDeclaration', 'ImportExpression'].includes(node.type)) specifier = stringOf(node.source);
    else if (node.type === 'TSImportType') specifier = stringOf(node.argument) ?? stringOf(node.source);
    else if (node.type === 'TSExternalModuleReference') specifier = stringOf(node.expression);
    if (specifier?.startsWith('.')) specifiers.push(specifier);
  }
  const resolved = specifiers.map((specifier) => resolveSpecifier(source.file, specifier, known));
  return [...new Set(resolved.filter((file): file is string => file !== null))];
}

function resolveSpecifier(from: string, specifier: string, known: ReadonlySet<string>): string | null {
  const base = posix.normalize(posix.join(posix.dirname(from), specifier.replace(/\?.*$/u, '')));
  const candidates = [base, `${base}.ts`, `${base}.tsx`, base.replace(/\.js$/u, '.ts'), base.replace(/\.jsx$/u, '.tsx'), `${base}/index.ts`, `${base}/index.tsx`];
  return candidates.find((candidate) => known.has(candidate)) ?? null;
}

/** The import cycles among the modules: each a strongly connected set of two or more, or one that imports itself (Tarjan). */
export function cyclesOf(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let counter = 0;
  const visit = (module: string) => {
    index.set(module, counter);
    low.set(module, counter++);
    stack.push(module);
    onStack.add(module);
    for (const next of graph.get(module) ?? []) {
      if (!graph.has(next)) continue;
      if (!index.has(next)) {
        visit(next);
        low.set(module, Math.min(low.get(module)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(module, Math.min(low.get(module)!, index.get(next)!));
    }
    if (low.get(module) !== index.get(module)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== module);
    if (component.length > 1 || (graph.get(module) ?? []).includes(module)) cycles.push(component.sort());
  };
  for (const module of graph.keys()) if (!index.has(module)) visit(module);
  return cycles;
}

/** The import graph of the sources: each module to the modules it imports. */
export function importGraph(sources: readonly Source[]): Map<string, string[]> {
  const known = new Set(sources.map((source) => source.file));
  return new Map(sources.map((source) => [source.file, importsOf(source, known)]));
}

/** What each top-level statement of a module is: `type` for an interface, a type alias, or a type-only import or export; the node's kind for anything else. */
export function topLevelKinds(source: Source): string[] {
  const kindOf = (statement: Node): string => {
    if (statement.type === 'TSInterfaceDeclaration' || statement.type === 'TSTypeAliasDeclaration') return 'type';
    if (statement.type === 'ImportDeclaration') {
      const specifiers = statement.specifiers as Node[];
      return statement.importKind === 'type' || (specifiers.length > 0 && specifiers.every((specifier) => specifier.importKind === 'type')) ? 'type' : 'import';
    }
    if (statement.type === 'ExportNamedDeclaration') return statement.declaration ? kindOf(statement.declaration as Node) : statement.exportKind === 'type' ? 'type' : 'export';
    return statement.type;
  };
  return (parse(source).body as Node[]).map(kindOf);
}
