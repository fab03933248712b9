// HTTP routes for staff accounts and role settings; rules live in users.service.ts.
import {
  IdParams,
  PasswordResetResult,
  RoleParams,
  RoleSetting,
  RoleSettingUpdate,
  User,
  UserCreate,
  UserCreated,
  UserListQuery,
  UserUpdate,
  pageOf,
} from '@siaga/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as service from './users.service';

export const usersRoutes: FastifyPluginAsyncZod<{ deps: service.UserDeps }> = async (app, { deps }) => {
  const tags = ['users'];
  app.get(
    '/users',
    {
      schema: {
        tags,
        summary: 'List staff users',
        querystring: UserListQuery,
        response: { 200: pageOf(User) },
      },
    },
    (req) => service.listUsers(deps, req.ctx, req.query),
  );
  app.post(
    '/users',
    { schema: { tags, summary: 'Create a staff user', body: UserCreate, response: { 201: UserCreated } } },
    async (req, reply) => reply.status(201).send(await service.createUser(deps, req.ctx, req.body)),
  );
  app.get(
    '/users/:id',
    { schema: { tags, summary: 'Read a staff user', params: IdParams, response: { 200: User } } },
    (req) => service.getUser(deps, req.ctx, req.params.id),
  );
  app.patch(
    '/users/:id',
    {
      schema: {
        tags,
        summary: 'Update a staff user',
        params: IdParams,
        body: UserUpdate,
        response: { 200: User },
      },
    },
    (req) => service.updateUser(deps, req.ctx, req.params.id, req.body),
  );
  app.post(
    '/users/:id/password-reset',
    {
      schema: {
        tags,
        summary: 'Reset a password to a one-time password',
        params: IdParams,
        response: { 200: PasswordResetResult },
      },
    },
    (req) => service.resetPassword(deps, req.ctx, req.params.id),
  );
  app.get(
    '/roles',
    {
      schema: {
        tags,
        summary: 'Role settings',
        response: { 200: z.object({ items: z.array(RoleSetting) }) },
      },
    },
    async (req) => ({
      items: await service.listRoleSettings(deps, req.ctx),
    }),
  );
  app.patch(
    '/roles/:role',
    {
      schema: {
        tags,
        summary: 'Make a second factor mandatory for a role',
        params: RoleParams,
        body: RoleSettingUpdate,
        response: { 200: RoleSetting },
      },
    },
    (req) => service.setRoleTotpRequired(deps, req.ctx, req.params.role, req.body.totpRequired),
  );
};
