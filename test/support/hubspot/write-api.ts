/**
 * The write endpoints of the test server: batch update and upsert (§4), PATCH, and the v4
 * default association (PUT). Every written property must exist (§4, §7 PROPERTY_DOESNT_EXIST)
 * and an enumeration takes only its options (§4 INVALID_OPTION).
 *
 * A batch whose every input carries its own `objectWriteTraceId` gets multi-status handling
 * (§4, §7): the valid inputs are applied and each refused one is a 207 error entry naming its
 * trace id. Otherwise one invalid input refuses the whole batch with a 400 and nothing is
 * applied. Which of the two `batch/update` does is UNVERIFIED (§4): `multiStatus: false` plays
 * the whole-batch reading for every request.
 */
import {
  batchReply,
  errorBody,
  inputProblemsEntry,
  notFound,
  type PropertyProblem,
  propertyProblemsReply,
  type Reply,
  validation,
} from './bodies';
import { type AppliedWrite, type HubSpotData, type ObjectType, SINGULAR } from './data';
import { invalidOption } from './properties';
import { BATCH_MAX, objectNotFound, type ReadRoutes } from './read-api';

interface WriteInput {
  id?: unknown;
  idProperty?: unknown;
  properties?: Record<string, unknown>;
  objectWriteTraceId?: unknown;
}

/** One input, read: its identity, properties as strings, its trace id and what is wrong with it. */
interface CheckedInput {
  id: string;
  idProperty?: string;
  properties: Record<string, string>;
  traceId?: string;
  problems: PropertyProblem[];
}

export class WriteRoutes {
  constructor(
    private readonly data: HubSpotData,
    private readonly reads: ReadRoutes,
    private readonly clock: () => number,
    private readonly multiStatus: boolean,
  ) {}

  /** §4 `batch/update`: by record id, or by a unique `idProperty`. Unknown ids are a 207 OBJECT_NOT_FOUND entry. */
  batchUpdate(type: string, body: unknown): Reply {
    const { inputs: read, refused: unreadable } = this.readInputs(type, body);
    if (unreadable) return unreadable;
    for (const input of read) {
      if (input.idProperty) {
        const refused = this.reads.uniqueIdPropertyProblem(type, input.idProperty);
        if (refused) return refused;
      }
    }
    const refused = this.wholeBatchRefusal(read);
    if (refused) return refused;
    const results = [];
    const errors: unknown[] = [];
    const missing: string[] = [];
    for (const input of read) {
      if (input.problems.length) {
        errors.push(inputProblemsEntry(input.problems, input.traceId ?? ''));
        continue;
      }
      const target = input.idProperty
        ? this.data.findBy(type, input.idProperty, input.id)
        : this.data.get(type, input.id);
      if (!target || target.archived) {
        missing.push(input.id);
        continue;
      }
      const o = this.data.modify(type as ObjectType, target.id, input.properties);
      this.log('batch/update', type, o.id, input);
      // §4: a batch update answers with the sent properties plus the system ones.
      results.push(this.reads.project(type, o, Object.keys(input.properties), false));
    }
    if (missing.length) errors.push(objectNotFound(type, missing));
    return batchReply(results, errors);
  }

  /**
   * §4 `batch/upsert` by a unique `idProperty` (or a contact's `email`): the object holding the
   * input's `id` in that property is updated, else one is created carrying it there. Answers
   * SimplePublicUpsertObjects (`new` tells which). A new contact whose email another contact
   * has is refused: 409 CONFLICT "Contact already exists. Existing ID: …" (§7).
   */
  batchUpsert(type: string, body: unknown): Reply {
    const { inputs: read, refused: unreadable } = this.readInputs(type, body);
    if (unreadable) return unreadable;
    for (const input of read) {
      if (!input.idProperty) return validation('idProperty is required for an upsert.');
      if (type === 'contacts' && input.idProperty === 'email') continue;
      const refused = this.reads.uniqueIdPropertyProblem(type, input.idProperty);
      if (refused) return refused;
    }
    const refused = this.wholeBatchRefusal(read);
    if (refused) return refused;
    const duplicate = type === 'contacts' ? this.existingEmail(read) : undefined;
    if (duplicate) return [409, errorBody('CONFLICT', `Contact already exists. Existing ID: ${duplicate}`)];
    const results = [];
    const errors: unknown[] = [];
    for (const input of read) {
      if (input.problems.length) {
        errors.push(inputProblemsEntry(input.problems, input.traceId ?? ''));
        continue;
      }
      const idProperty = input.idProperty ?? '';
      const existing = this.data.findBy(type, idProperty, input.id);
      const o = existing
        ? this.data.modify(type as ObjectType, existing.id, input.properties)
        : this.data.create(type as ObjectType, { ...input.properties, [idProperty]: input.id });
      this.log('batch/upsert', type, o.id, input, !existing);
      const sent = [...Object.keys(input.properties), idProperty];
      results.push({ ...this.reads.project(type, o, sent, false), new: !existing });
    }
    return batchReply(results, errors);
  }

  /** `PATCH /crm/v3/objects/{type}/{id}`: one object; invalid values refuse it (400). */
  patch(type: string, id: string, body: unknown): Reply {
    if (!this.data.get(type, id)) return notFound('Object not found.');
    const properties = stringProps((body as { properties?: Record<string, unknown> } | undefined)?.properties);
    const problems = this.problemsOf(type, properties);
    if (problems.length) return propertyProblemsReply(problems);
    const o = this.data.modify(type as ObjectType, id, properties);
    this.log('patch', type, id, { properties });
    return [200, this.reads.project(type, o, Object.keys(o.properties), false)];
  }

  /**
   * `PUT /crm/v4/objects/{from}/{id}/associations/default/{to}/{toId}`: "Create the default
   * (most generic) association type between two object types" (S1 associations v4), contact →
   * company unlabeled 279 (§5). Creating one that exists changes nothing: the PUT is idempotent.
   * Answers BatchResponsePublicDefaultAssociation (S1).
   */
  associateDefault(from: string, fromId: string, to: string, toId: string): Reply {
    if (!this.data.objects.has(from) || !this.data.objects.has(to)) return validation('Unknown object type.');
    if (!this.data.get(from, fromId)) return notFound(`No ${SINGULAR[from]} with id ${fromId}.`);
    if (!this.data.get(to, toId)) return notFound(`No ${SINGULAR[to]} with id ${toId}.`);
    if (!this.data.hasAssociation(from, fromId, to, toId))
      this.data.associate(from as ObjectType, fromId, to as ObjectType, toId, false);
    const [unlabeled] = this.reads.associationTypes(from, to, false);
    const stamp = new Date(this.clock()).toISOString();
    return [
      200,
      {
        status: 'COMPLETE',
        results: [
          {
            from: { id: fromId },
            to: { id: toId },
            associationSpec: { associationCategory: 'HUBSPOT_DEFINED', associationTypeId: unlabeled?.typeId ?? 0 },
          },
        ],
        startedAt: stamp,
        completedAt: stamp,
      },
    ];
  }

  /** The inputs of a batch write, checked; `refused` when the body itself is. */
  private readInputs(type: string, body: unknown): { inputs: CheckedInput[]; refused?: Reply } {
    const req = (body ?? {}) as { inputs?: WriteInput[] };
    if (!Array.isArray(req.inputs)) return { inputs: [], refused: validation('inputs is required.') };
    if (req.inputs.length > BATCH_MAX)
      return { inputs: [], refused: validation(`Batch of ${req.inputs.length} inputs; the limit is ${BATCH_MAX}.`) };
    const inputs = req.inputs.map((input): CheckedInput => {
      const properties = stringProps(input.properties);
      return {
        id: String(input.id),
        ...(typeof input.idProperty === 'string' && input.idProperty ? { idProperty: input.idProperty } : {}),
        properties,
        ...(typeof input.objectWriteTraceId === 'string' ? { traceId: input.objectWriteTraceId } : {}),
        problems: this.problemsOf(type, properties),
      };
    });
    return { inputs };
  }

  /** Without multi-status (§4), one invalid input refuses the batch: a 400 naming every problem. */
  private wholeBatchRefusal(inputs: readonly CheckedInput[]): Reply | undefined {
    const problems = inputs.flatMap((i) => i.problems);
    if (!problems.length) return undefined;
    const traces = inputs.map((i) => i.traceId ?? '');
    const multiStatus = this.multiStatus && traces.every(Boolean) && new Set(traces).size === traces.length;
    return multiStatus ? undefined : propertyProblemsReply(problems);
  }

  private problemsOf(type: string, properties: Record<string, string>): PropertyProblem[] {
    const problems: PropertyProblem[] = [];
    for (const [name, value] of Object.entries(properties)) {
      const def = this.data.definition(type, name);
      if (!def) {
        problems.push({ name, error: 'PROPERTY_DOESNT_EXIST', message: `Property "${name}" does not exist` });
        continue;
      }
      const bad = invalidOption(def, value);
      if (bad) problems.push({ name, error: 'INVALID_OPTION', message: bad });
    }
    return problems;
  }

  /** The id of a contact that already has the email one of these inputs would create a contact with. */
  private existingEmail(inputs: readonly CheckedInput[]): string | undefined {
    for (const input of inputs) {
      const email = input.properties.email;
      if (!email || !input.idProperty) continue;
      const existing = this.data.findBy('contacts', 'email', email);
      const same = this.data.findBy('contacts', input.idProperty, input.id);
      if (existing && existing.id !== same?.id) return existing.id;
    }
    return undefined;
  }

  private log(
    endpoint: AppliedWrite['endpoint'],
    type: string,
    id: string,
    input: Pick<CheckedInput, 'properties' | 'traceId'>,
    created?: boolean,
  ): void {
    this.data.writes.push({
      endpoint,
      type,
      id,
      properties: input.properties,
      ...(input.traceId ? { traceId: input.traceId } : {}),
      ...(created ? { created } : {}),
      at: this.clock(),
    });
  }
}

/** Property values as the server stores them: strings, `null` clearing (§4 "cleared by passing an empty string"). */
export function stringProps(props: Record<string, unknown> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(props ?? {}).map(([k, v]) => [k, v === null ? '' : String(v)]));
}
