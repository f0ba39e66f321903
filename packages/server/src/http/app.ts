import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyPluginAsync } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { DatabaseHandle } from '../db/database';
import { alertRoutes } from '../features/alerts/alerts.routes';
import { attachmentRoutes } from '../features/attachments/attachments.routes';
import { auditRoutes } from '../features/audit/audit.routes';
import { authRoutes } from '../features/auth/auth.routes';
import { boundaryRoutes } from '../features/boundaries/boundaries.routes';
import { catalogRoutes } from '../features/catalog/catalog.routes';
import { catalogCompareRoutes } from '../features/catalog-compare/catalog-compare.routes';
import { directiveRoutes } from '../features/directives/directives.routes';
import { evaluationRoutes } from '../features/evaluation/evaluation.routes';
import { excelRoutes } from '../features/excel/excel.routes';
import { notificationRoutes } from '../features/notifications/notifications.routes';
import { obstacleRoutes } from '../features/obstacles/obstacles.routes';
import { planRoutes } from '../features/plans/plans.routes';
import { recognitionRoutes } from '../features/recognitions/recognitions.routes';
import { registrationRoutes } from '../features/registrations/registrations.routes';
import { reminderRoutes } from '../features/reminders/reminders.routes';
import { reportRoutes } from '../features/reports/reports.routes';
import { responsibilityRoutes } from '../features/responsibility/responsibility.routes';
import { targetRoutes } from '../features/targets/targets.routes';
import { trendRoutes } from '../features/trend/trend.routes';
import { unitRoutes } from '../features/units/units.routes';
import { userRoutes } from '../features/users/users.routes';
import { valueRoutes } from '../features/values/values.routes';
import { workflowRoutes } from '../features/workflow/workflow.routes';
import { worklistRoutes } from '../features/worklists/worklists.routes';
import { type AuthOptions, defaultAuthOptions, registerAccessControl } from './access';
import { registerErrorHandler } from './error-handler';
import { homePage } from './home-page';
import { defaultWebRoot, registerWebApp } from './web-app';

export interface AppOptions {
  database: DatabaseHandle;
  logger?: boolean;
  /** Folder of the built web application; without a build, `/` links to the API documentation. */
  webRoot?: string;
  /** Accounts, sessions and the access gate; see http/access.ts. */
  auth?: Partial<AuthOptions>;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ? { level: 'info' } : false,
    bodyLimit: 20 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  const auth: AuthOptions = { ...defaultAuthOptions, ...options.auth };
  // Before any route, so that every route is collected with its access rule.
  await registerAccessControl(app, options.database);

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'NTM Monitor API',
        description:
          'API theo dõi Chương trình MTQG xây dựng nông thôn mới: đơn vị hành chính, bộ tiêu chí, số liệu, đánh giá và tổng hợp. Lỗi trả về dạng application/problem+json với mã ổn định (code).',
        version: '0.1.0',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  const deps: RouteDeps = { database: options.database, auth };
  const api: FastifyPluginAsync = async (scope) => {
    for (const routes of [
      unitRoutes,
      catalogRoutes,
      valueRoutes,
      evaluationRoutes,
      recognitionRoutes,
      targetRoutes,
      catalogCompareRoutes,
      trendRoutes,
      boundaryRoutes,
      excelRoutes,
      reportRoutes,
      authRoutes,
      userRoutes,
      workflowRoutes,
      notificationRoutes,
      auditRoutes,
      attachmentRoutes,
      planRoutes,
      registrationRoutes,
      directiveRoutes,
      responsibilityRoutes,
      worklistRoutes,
      obstacleRoutes,
      alertRoutes,
      reminderRoutes,
    ]) {
      await scope.register(routes, deps);
    }
  };
  await app.register(api, { prefix: '/api' });

  if (!(await registerWebApp(app, options.webRoot ?? defaultWebRoot))) {
    app.get('/', { schema: { hide: true } }, async (_request, reply) =>
      reply.type('text/html; charset=utf-8').send(homePage()),
    );
  }
  return app;
}

export interface RouteDeps {
  database: DatabaseHandle;
  auth: AuthOptions;
}
