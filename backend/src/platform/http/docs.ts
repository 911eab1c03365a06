import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { maxUploadBytes, type RouteSpec, routes, routeTags, uploadField } from '@kupwara/shared';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

// A multipart upload has no zod schema (the handler streams the file), so the reference gets its shape here.
const uploadBody = {
  type: 'object',
  required: [uploadField],
  properties: {
    [uploadField]: {
      type: 'string',
      format: 'binary',
      description: `A JPEG, PNG or WebP photo, up to ${maxUploadBytes / 1024 / 1024} MB`,
    },
  },
};

const transform: typeof jsonSchemaTransform = (document) => {
  const transformed = jsonSchemaTransform(document);
  const name = document.route.config?.routeName;
  const spec: RouteSpec | undefined = name && routes[name];
  if (spec?.body !== 'multipart') return transformed;
  return { ...transformed, schema: { ...transformed.schema, body: uploadBody } };
};

/**
 * OpenAPI generated from the route table's zod schemas, browsable at `/docs` (JSON at `/docs/json`).
 * Only `/api/v1` is documented: health checks, metrics, the socket, media and the web apps are not
 * part of what a client calls.
 */
export const docs = fp(async (app: FastifyInstance) => {
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'KupwaraCart API',
        description: 'Hyperlocal delivery: customers, sellers and riders. Money in paise, times in UTC.',
        version: '1',
        license: { name: 'MIT', url: 'https://opensource.org/license/mit' },
      },
      // Relative: the document is served by the API it describes, whatever host it is reached at.
      servers: [{ url: '/', description: 'The server this document came from' }],
      tags: Object.entries(routeTags).map(([name, description]) => ({ name, description })),
      components: {
        securitySchemes: {
          bearer: {
            type: 'http',
            scheme: 'bearer',
            bearerFormat: 'JWT',
            description: 'The access token from /auth/login, /auth/register or /auth/refresh (15 minutes)',
          },
        },
      },
    },
    transform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
});
