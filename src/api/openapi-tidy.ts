// fastify-type-provider-zod puts every registered schema in the document twice: "X" as a
// response (output) shape and "XInput" as a request (input) shape, used or not. So the
// request body of POST /products refers to "ProductInputInput", and Money appears twice.
// This pass keeps one name per schema where it can: an input shape takes the plain name
// when the output shape is unused or identical, and components nothing refers to are dropped.

type Doc = { components?: { schemas?: Record<string, unknown> } } & Record<string, unknown>;

const PREFIX = '#/components/schemas/';

function refsOf(value: unknown, out: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => refsOf(v, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string' && v.startsWith(PREFIX)) out.add(decodeURIComponent(v.slice(PREFIX.length)));
      else refsOf(v, out);
    }
  }
  return out;
}

/** Names reachable from the paths (and everything outside components.schemas), following refs between schemas. */
function reachable(doc: Doc, schemas: Record<string, unknown>): Set<string> {
  const { components, ...rest } = doc;
  const todo = [...refsOf(rest), ...refsOf({ ...components, schemas: undefined })];
  const seen = new Set<string>();
  while (todo.length) {
    const name = todo.pop()!;
    if (seen.has(name) || !(name in schemas)) continue;
    seen.add(name);
    todo.push(...refsOf(schemas[name]));
  }
  return seen;
}

function renameRefs<T>(value: T, rename: Map<string, string>): T {
  return JSON.parse(JSON.stringify(value), (key, v) => {
    if (key === '$ref' && typeof v === 'string' && v.startsWith(PREFIX)) {
      const to = rename.get(decodeURIComponent(v.slice(PREFIX.length)));
      return to ? PREFIX + encodeURIComponent(to) : v;
    }
    return v;
  }) as T;
}

export function tidyOpenApi<T extends Doc>(doc: T): T {
  const schemas = doc.components?.schemas;
  if (!schemas) return doc;
  const used = reachable(doc, schemas);
  // Pairs made by the type provider: "X" (output) and "XInput" (input).
  const pairs = Object.keys(schemas).filter((name) => `${name}Input` in schemas);
  const toBase = new Map(pairs.map((name) => [`${name}Input`, name]));
  const same = (a: unknown, b: unknown) => JSON.stringify(renameRefs(a, toBase)) === JSON.stringify(renameRefs(b, toBase));

  const rename = new Map<string, string>();
  for (const name of pairs) {
    const input = `${name}Input`;
    if (used.has(input) && (!used.has(name) || same(schemas[name], schemas[input]))) rename.set(input, name);
  }
  const replaced = new Set(rename.values());
  const merged: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(schemas)) {
    if (!replaced.has(name)) merged[rename.get(name) ?? name] = schema;
  }

  const next = renameRefs({ ...doc, components: { ...doc.components, schemas: merged } }, rename) as T;
  const renamed = next.components!.schemas!;
  const keep = reachable(next, renamed);
  next.components!.schemas = Object.fromEntries(Object.entries(renamed).filter(([name]) => keep.has(name)));
  return next;
}
