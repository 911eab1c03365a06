import fastJson from 'fast-json-stringify';
import { z } from 'zod';

export type Serialize = (value: unknown) => string;

/**
 * A compiled serializer for a response schema: fast-json-stringify from the JSON schema zod writes
 * for what goes on the wire (the schema's input side, which is what `z.encode` gives). Writing an
 * answer this way costs a fraction of zod's encode and JSON.stringify, but checks nothing: the
 * handlers' types and the tests keep answers to their schema. Undefined for a schema JSON schema
 * cannot state (a transform, a date), which keeps zod's serializer.
 */
export function compiledSerializer(schema: z.ZodType): Serialize | undefined {
  try {
    return fastJson(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'throw', target: 'draft-07' }) as object);
  } catch {
    return undefined;
  }
}
