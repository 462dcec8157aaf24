// The API's shapes as schemas/openapi.yaml declares them (schema.d.ts is generated from it by
// `npm run types`; `npm run types:check` fails when it is stale). Features name their types after these.

import type { components } from './schema';

/** A schema of schemas/openapi.yaml by its name under components.schemas, e.g. Schema<'CandidateFile'>. */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];
