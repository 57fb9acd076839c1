/**
 * Medical alerts: `GET /medical_alerts`, `GET /patients/:id/medical_alerts`, `GET /medical_alerts/:id`, `POST`,
 * `PUT`/`PATCH /:id`, `POST /:id/archive`, and the deprecated `DELETE /:id`, which archives.
 */
import type { Hono } from 'hono';
import { readBody } from '../http/body.ts';
import { validationFailed } from '../errors.ts';
import { refOrNull } from '../http/links.ts';
import type { ClinikoEnv, RequestScope } from '../http/scope.ts';
import { COMMON_FIELDS } from '../query/fields.ts';
import type { StoredRecord } from '../store/types.ts';
import { jsonResponse, listResponse } from './listing.ts';
import { archive, createdResponse, findOr404, insertRecord, pathId, saveRecord } from './records.ts';
import { applyFields } from './write-fields.ts';

export function presentMedicalAlert(scope: RequestScope, alert: StoredRecord): object {
  return {
    id: alert.id,
    name: alert.name,
    archived_at: alert.archived_at ?? null,
    deleted_at: null,
    created_at: alert.created_at,
    updated_at: alert.updated_at,
    patient: refOrNull(scope.links, 'patients', alert.patient_id),
    links: { self: scope.links.url(`/medical_alerts/${alert.id}`) },
  };
}

const LIST = {
  plural: 'medical_alerts',
  filters: { ...COMMON_FIELDS, patient_id: 'integer', archived_at: 'datetime' },
  sortable: { name: 'string' },
  hiddenWhenSet: ['archived_at'],
} as const;

export function mountMedicalAlerts(app: Hono<ClinikoEnv>): void {
  app.get('/medical_alerts', async (c) => {
    const { scope } = c.var;
    return listResponse(c, LIST, await scope.store.list(scope.account.id, 'medical_alerts'), (alert) => presentMedicalAlert(scope, alert));
  });
  app.get('/patients/:id/medical_alerts', async (c) => {
    const { scope } = c.var;
    const patient = await findOr404(scope, 'patients', pathId(c));
    const alerts = (await scope.store.list(scope.account.id, 'medical_alerts')).filter((alert) => alert.patient_id === patient.id);
    return listResponse(c, LIST, alerts, (alert) => presentMedicalAlert(scope, alert));
  });
  app.get('/medical_alerts/:id', async (c) =>
    jsonResponse(presentMedicalAlert(c.var.scope, await findOr404(c.var.scope, 'medical_alerts', pathId(c)))),
  );
  app.post('/medical_alerts', async (c) => {
    const { scope } = c.var;
    const fields = applyFields(
      await readBody(c.req.raw),
      { name: { kind: 'string', max: 255 }, patient_id: { kind: 'id' } },
      { archived_at: null },
      ['name', 'patient_id'],
    );
    if (!(await scope.store.get(scope.account.id, 'patients', fields.patient_id as string)))
      throw validationFailed({ patient_id: 'must exist' });
    const alert = await insertRecord(scope, 'medical_alerts', fields);
    return createdResponse(scope.links.url(`/medical_alerts/${alert.id}`), presentMedicalAlert(scope, alert));
  });
  for (const method of ['put', 'patch'] as const) {
    app[method]('/medical_alerts/:id', async (c) => {
      const { scope } = c.var;
      const alert = await findOr404(scope, 'medical_alerts', pathId(c));
      // An alert stays with its patient: only the name can change.
      const fields = applyFields(await readBody(c.req.raw), { name: { kind: 'string', max: 255 } }, alert, ['name']);
      return jsonResponse(presentMedicalAlert(scope, await saveRecord(scope, 'medical_alerts', alert, fields)));
    });
  }
  app.post('/medical_alerts/:id/archive', (c) => archive(c.var.scope, 'medical_alerts', pathId(c)));
  app.delete('/medical_alerts/:id', (c) => archive(c.var.scope, 'medical_alerts', pathId(c)));
}
