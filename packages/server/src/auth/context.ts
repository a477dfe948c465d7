import type { FastifyRequest } from 'fastify';
import { can, type Permission, type Role } from '@pcd/core';
import { errors } from '../http/errors.js';
import type { Actor } from '../audit/audit.js';
import type { Scope } from './scope.js';

export interface AuthUser {
  id: number;
  username: string;
  fullName: string;
  role: Role;
  unitCode: string | null;
  unitName: string | null;
  unitPath: string | null;
}

export interface AuthContext {
  user: AuthUser;
  scope: Scope;
  via: 'session' | 'token';
  sessionId: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext | null;
  }
  interface FastifyContextConfig {
    /** Reachable without logging in (health, login, docs). */
    public?: boolean;
  }
}

export function requireAuth(req: FastifyRequest): AuthContext {
  if (!req.auth) throw errors.unauthenticated();
  return req.auth;
}

export function requirePermission(req: FastifyRequest, permission: Permission): AuthContext {
  const auth = requireAuth(req);
  if (!can(auth.user.role, permission)) throw errors.forbidden();
  return auth;
}

export function actorOf(req: FastifyRequest): Actor {
  return { userId: req.auth?.user.id ?? null, username: req.auth?.user.username ?? null, ip: req.ip ?? null };
}
