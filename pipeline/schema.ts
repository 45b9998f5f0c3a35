// The JSON Schema of briefing.json, generated from the zod model so the two cannot drift.
import { z } from 'zod';
import { Brief } from './model.js';

export function briefJsonSchema(): Record<string, unknown> {
  // The mdast tree is typed by mdast itself; the schema admits any object there.
  const schema = z.toJSONSchema(Brief, { unrepresentable: 'any', io: 'output' }) as Record<string, unknown>;
  return { ...schema, $id: 'https://briefpack.invalid/schema/briefing.schema.json', title: 'briefpack briefing.json' };
}
