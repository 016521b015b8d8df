import type { Core } from '@strapi/strapi';
import { strapiService } from '../services/strapi-services';
import { withAdvisoryLock } from './startup-lock';

/** Key of the PostgreSQL advisory lock taken around the first admin's creation (distinct from the startup and seeding locks). */
export const DEMO_ADMIN_LOCK_KEY = 5_071_194_402_023;

interface DemoAdmin {
  email: string;
  password: string;
  isDefault: boolean;
}

export interface AdminUserService {
  exists(attributes?: Record<string, unknown>): Promise<boolean>;
  createFirstAdmin(attributes: {
    email: string;
    firstname: string;
    lastname: string;
    password: string;
  }): Promise<unknown>;
}

export type DemoAdminOutcome = 'created' | 'exists' | 'refused' | 'disabled';

/**
 * Creates the demo super admin when the database has no admin user yet.
 * With NODE_ENV=production and no explicit ADMIN_EMAIL/ADMIN_PASSWORD the app
 * config passes `admin: null`, and nothing is created: a network must not go
 * live with printed credentials.
 */
const demoAdminService = ({ strapi }: { strapi: Core.Strapi }) => {
  /** Creates `admin` as the first super admin unless an admin user exists (called under the lock). */
  const create = async (admin: DemoAdmin): Promise<DemoAdminOutcome> => {
    const users = strapiService(strapi, 'admin::user');
    if (await users.exists()) return 'exists';
    try {
      await users.createFirstAdmin({
        email: admin.email.toLowerCase(),
        password: admin.password,
        firstname: 'Demo',
        lastname: 'Editor',
      });
    } catch (error) {
      // Another instance on the same database won the race.
      if (await users.exists()) return 'exists';
      throw error;
    }
    strapi.log.info(`Demo admin created: ${admin.email}`);
    return 'created';
  };

  return {
    async ensure(): Promise<DemoAdminOutcome> {
      const admin = strapi.plugin('solidarity').config('demo.admin') as DemoAdmin | null;
      const users = strapiService(strapi, 'admin::user');
      if (!admin) {
        if (process.env.NODE_ENV === 'production' && !(await users.exists())) {
          strapi.log.warn(
            'No admin user and no ADMIN_EMAIL/ADMIN_PASSWORD given: the demo admin is not created in production. ' +
              'Set ADMIN_EMAIL and ADMIN_PASSWORD, or open /admin and register the first admin.'
          );
          return 'refused';
        }
        return 'disabled';
      }
      // Instances starting together: one at a time checks for an admin and creates it (runs after the startup lock is released).
      return withAdvisoryLock(strapi, DEMO_ADMIN_LOCK_KEY, 'creating the first admin', () => create(admin));
    },
  };
};

export default demoAdminService;
