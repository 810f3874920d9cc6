/**
 * The test server's deal pipelines: `GET /crm/v3/pipelines/deals`, after HubSpot's pipelines
 * model (HubSpot/hubspot-api-nodejs `codegen/crm/pipelines/models/PipelineStage.ts`: `label`,
 * `displayOrder`, `metadata` with string values, `id`, `createdAt`, `updatedAt`, `archived`; for
 * deals "the `probability` field is required… between 0.0 and 1.0") and a recorded default
 * pipeline (public code index id 22275096171): "Sales Pipeline" with `closedwon`
 * `{"probability":"1.0","isClosed":"true"}` and `closedlost` `{"probability":"0.0","isClosed":"true"}`.
 * The scope (api.ts) is `crm.objects.deals.read`, the strict reading of the pipelines guide,
 * which lists it among several.
 */
import type { Reply } from './bodies';

export interface StoredStage {
  id: string;
  label: string;
  probability: string;
  isClosed: boolean;
}

export interface StoredPipeline {
  id: string;
  label: string;
  stages: StoredStage[];
}

/** HubSpot's default deal pipeline, as the recording shows it. */
export function defaultPipelines(): StoredPipeline[] {
  const stage = (id: string, label: string, probability: string, isClosed = false): StoredStage => ({
    id,
    label,
    probability,
    isClosed,
  });
  return [
    {
      id: 'default',
      label: 'Sales Pipeline',
      stages: [
        stage('appointmentscheduled', 'Appointment Scheduled', '0.2'),
        stage('qualifiedtobuy', 'Qualified to Buy', '0.4'),
        stage('presentationscheduled', 'Presentation Scheduled', '0.6'),
        stage('decisionmakerboughtin', 'Decision Maker Bought-In', '0.8'),
        stage('contractsent', 'Contract Sent', '0.9'),
        stage('closedwon', 'Closed Won', '1.0', true),
        stage('closedlost', 'Closed Lost', '0.0', true),
      ],
    },
  ];
}

/** The stage a deal is in, by its `dealstage` id, in any pipeline. */
export function findStage(pipelines: readonly StoredPipeline[], id: string | undefined): StoredStage | undefined {
  for (const p of pipelines) for (const s of p.stages) if (s.id === id) return s;
  return undefined;
}

/** `GET /crm/v3/pipelines/deals`: every pipeline with its stages, unpaged (`CollectionResponsePipelineNoPaging`). */
export function listPipelines(pipelines: readonly StoredPipeline[], at: number): Reply {
  const stamp = new Date(at).toISOString();
  return [
    200,
    {
      results: pipelines.map((p, i) => ({
        id: p.id,
        label: p.label,
        displayOrder: i,
        createdAt: stamp,
        updatedAt: stamp,
        archived: false,
        stages: p.stages.map((s, order) => ({
          id: s.id,
          label: s.label,
          displayOrder: order,
          metadata: { probability: s.probability, isClosed: String(s.isClosed) },
          createdAt: stamp,
          updatedAt: stamp,
          archived: false,
        })),
      })),
    },
  ];
}
