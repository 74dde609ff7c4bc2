import { z } from 'zod';
import { commands } from '../../shared/commands';
import { errorCodes } from '../../shared/errors';
import { appVersion } from '../core/version';

const errorBodySchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', enum: [...errorCodes] },
        message: { type: 'string', description: 'Pesan dalam Bahasa Indonesia.' },
        fields: { type: 'object', additionalProperties: { type: 'string' } },
        details: { type: 'object' },
      },
    },
  },
};

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): unknown {
  const out = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'openapi-3.0' }) as Record<string, unknown>;
  delete out.$schema;
  return out;
}

/** The OpenAPI document, generated from the same zod schemas the dispatcher validates with. */
export function buildOpenApi(): unknown {
  const paths: Record<string, unknown> = {};
  for (const def of Object.values(commands)) {
    const errorRef = { $ref: '#/components/schemas/Error' };
    paths[`/api/${def.name}`] = {
      post: {
        operationId: def.name,
        summary: def.summary,
        tags: [def.name.split('.')[0]],
        'x-kinerja-access': def.access,
        'x-kinerja-kind': def.kind,
        requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(def.input, 'input') } } },
        responses: {
          200: { description: 'Berhasil', content: { 'application/json': { schema: jsonSchema(def.output, 'output') } } },
          400: { description: 'VALIDATION', content: { 'application/json': { schema: errorRef } } },
          401: { description: 'UNAUTHENTICATED', content: { 'application/json': { schema: errorRef } } },
          403: { description: 'FORBIDDEN', content: { 'application/json': { schema: errorRef } } },
          404: { description: 'NOT_FOUND', content: { 'application/json': { schema: errorRef } } },
          409: { description: 'CONFLICT', content: { 'application/json': { schema: errorRef } } },
          422: { description: 'RULE_VIOLATION', content: { 'application/json': { schema: errorRef } } },
          429: { description: 'RATE_LIMITED', content: { 'application/json': { schema: errorRef } } },
        },
      },
    };
  }
  return {
    openapi: '3.0.3',
    info: {
      title: 'Kinerja API',
      version: appVersion,
      description:
        'Satu kontrak perintah untuk desktop (IPC) dan HTTP. Setiap perintah: POST /api/<nama> dengan badan JSON. ' +
        'Sesi lewat cookie HttpOnly; perintah yang mengubah data setelah masuk wajib mengirim header X-CSRF-Token.',
    },
    paths: {
      '/api/health': {
        get: {
          operationId: 'health',
          summary: 'Status server, versi aplikasi dan versi skema basis data.',
          responses: { 200: { description: 'Sehat' } },
        },
      },
      ...paths,
    },
    components: { schemas: { Error: errorBodySchema } },
  };
}
