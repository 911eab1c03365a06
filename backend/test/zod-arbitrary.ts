import fc from 'fast-check';
import type { z } from 'zod';

/**
 * fast-check arbitraries read from zod 4 schemas (their `_zod.def`): values a schema should accept,
 * so a fuzz run reaches the handler behind it. What a schema cannot say (a transform's input, a
 * refinement across fields) it may miss; `hints` gives, per schema instance, values to use instead
 * (the ids of real rows, phone numbers a transform accepts).
 */
export type Hints = Map<z.ZodType, fc.Arbitrary<unknown>>;

// The parts of zod 4's internal definitions read here; everything else on a def is ignored.
interface Check {
  check: string;
  value?: number;
  inclusive?: boolean;
  minimum?: number;
  maximum?: number;
  length?: number;
  format?: string;
  pattern?: RegExp;
}
interface Def {
  type: string;
  checks?: { _zod: { def: Check } }[];
  format?: string;
  pattern?: RegExp;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  element?: z.ZodType;
  innerType?: z.ZodType;
  entries?: Record<string, string | number>;
  values?: unknown[];
  options?: z.ZodType[];
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  items?: z.ZodType[];
  left?: z.ZodType;
  right?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  getter?: () => z.ZodType;
}

export const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;
const checksOf = (def: Def): Check[] => (def.checks ?? []).map((check) => check._zod.def);

interface Bounds {
  min?: number;
  max?: number;
  minExcluded: boolean;
  maxExcluded: boolean;
  int: boolean;
}

function numberBounds(def: Def): Bounds {
  const bounds: Bounds = { minExcluded: false, maxExcluded: false, int: def.type === 'int' };
  for (const check of checksOf(def)) {
    if (check.check === 'number_format' && check.format?.includes('int')) bounds.int = true;
    if (check.check === 'greater_than' && check.value !== undefined) {
      bounds.min = check.value;
      bounds.minExcluded = check.inclusive === false;
    }
    if (check.check === 'less_than' && check.value !== undefined) {
      bounds.max = check.value;
      bounds.maxExcluded = check.inclusive === false;
    }
  }
  return bounds;
}

function numberArbitrary(def: Def): fc.Arbitrary<number> {
  const b = numberBounds(def);
  if (b.int) {
    const min = b.min === undefined ? Number.MIN_SAFE_INTEGER : Math.ceil(b.min) + (b.minExcluded ? 1 : 0);
    const max = b.max === undefined ? Number.MAX_SAFE_INTEGER : Math.floor(b.max) - (b.maxExcluded ? 1 : 0);
    // Small values are where the handler's rules live (stock, quantities); the edges come too.
    return fc.oneof(fc.integer({ min, max: Math.min(max, min + 100) }), fc.integer({ min, max }));
  }
  return fc.double({
    min: b.min ?? -1e12,
    max: b.max ?? 1e12,
    minExcluded: b.minExcluded,
    maxExcluded: b.maxExcluded,
    noNaN: true,
    noDefaultInfinity: true,
  });
}

const lengthOf = (def: Def) => {
  let min = 0;
  let max: number | undefined;
  for (const check of checksOf(def)) {
    if (check.check === 'min_length') min = check.minimum ?? min;
    if (check.check === 'max_length') max = check.maximum;
    if (check.check === 'length_equals') {
      min = check.length ?? min;
      max = check.length;
    }
  }
  return { min, max };
};

const isoDate = fc
  .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString());

function stringArbitrary(def: Def): fc.Arbitrary<string> {
  const { min, max } = lengthOf(def);
  const within = (arb: fc.Arbitrary<string>) =>
    arb.filter((s) => s.length >= min && (max === undefined || s.length <= max));
  if (def.format === 'uuid' || def.format === 'guid') return fc.uuid();
  if (def.format === 'datetime') return isoDate;
  if (def.format === 'date') return isoDate.map((s) => s.slice(0, 10));
  const regex = def.pattern ?? checksOf(def).find((check) => check.pattern)?.pattern;
  if (regex) return within(fc.stringMatching(regex));
  const size = max === undefined ? Math.max(min, 40) : Math.min(max, Math.max(min, 40));
  const options = { minLength: min, maxLength: size };
  return fc.oneof(fc.string({ ...options, unit: 'grapheme-ascii' }), fc.string({ ...options, unit: 'grapheme' }));
}

/** Whether a schema changes its input on the way (so its output is not a valid input). */
const transforms = (schema: z.ZodType): boolean => {
  const def = defOf(schema);
  if (def.type === 'transform') return true;
  if (def.type === 'pipe' && def.in && def.out) return transforms(def.in) || transforms(def.out);
  return false;
};

/** Values the schema accepts (mostly: refinements across fields are not read). */
export function arbitraryOf(schema: z.ZodType, hints: Hints = new Map()): fc.Arbitrary<unknown> {
  const hint = hints.get(schema);
  if (hint) return hint;
  const of = (inner: z.ZodType) => arbitraryOf(inner, hints);
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      return stringArbitrary(def);
    case 'number':
    case 'int':
      return numberArbitrary(def);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'undefined':
    case 'void':
      return fc.constant(undefined);
    case 'unknown':
    case 'any':
      return fc.jsonValue({ maxDepth: 2 });
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries ?? {}));
    case 'literal':
      return fc.constantFrom(...(def.values ?? []));
    case 'optional':
      return fc.option(of(def.innerType as z.ZodType), { nil: undefined, freq: 3 });
    case 'nullable':
      return fc.option(of(def.innerType as z.ZodType), { nil: null, freq: 3 });
    case 'default':
    case 'prefault':
      return fc.option(of(def.innerType as z.ZodType), { nil: undefined, freq: 3 });
    case 'readonly':
    case 'catch':
      return of(def.innerType as z.ZodType);
    case 'nonoptional': {
      // `.required()` wraps the field's `.optional()`: what it holds must be there.
      const inner = def.innerType as z.ZodType;
      const innerDef = defOf(inner);
      return of(innerDef.type === 'optional' ? (innerDef.innerType as z.ZodType) : inner);
    }
    case 'lazy':
      return of((def.getter as () => z.ZodType)());
    case 'array': {
      const { min, max } = lengthOf(def);
      return fc.array(of(def.element as z.ZodType), { minLength: min, maxLength: Math.min(max ?? 5, min + 5) });
    }
    case 'tuple':
      return fc.tuple(...(def.items ?? []).map(of));
    case 'object': {
      const shape = def.shape ?? {};
      return fc
        .record(Object.fromEntries(Object.entries(shape).map(([key, value]) => [key, of(value)])))
        .map((record) => Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)));
    }
    case 'record':
      return fc.dictionary(of(def.keyType as z.ZodType) as fc.Arbitrary<string>, of(def.valueType as z.ZodType), {
        maxKeys: 4,
      });
    case 'union':
      return fc.oneof(...(def.options ?? []).map(of));
    case 'intersection':
      return fc
        .tuple(of(def.left as z.ZodType), of(def.right as z.ZodType))
        .map(([left, right]) => Object.assign({}, left, right));
    case 'pipe':
      // A transform's input cannot be read back from its output: take what its input schema accepts.
      return of(
        (transforms(def.in as z.ZodType) || defOf(def.out as z.ZodType).type === 'transform'
          ? def.in
          : def.out) as z.ZodType,
      );
    default:
      throw new Error(`zod-arbitrary: no arbitrary for zod type "${def.type}"`);
  }
}
