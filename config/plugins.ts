import { requireSecret } from './secrets';

export const DEMO_ADMIN_EMAIL = 'admin@solidarity.example';
export const DEMO_ADMIN_PASSWORD = 'Solidarity-2026';

export default ({ env }: { env: EnvFn }) => {
  const explicitAdmin = Boolean(env('ADMIN_EMAIL', '') && env('ADMIN_PASSWORD', ''));
  const production = process.env.NODE_ENV === 'production';
  return {
    // users-permissions must bootstrap before the solidarity plugin on a fresh database.
    'users-permissions': {
      config: {
        jwtSecret: requireSecret(env, 'JWT_SECRET', 'dev-only-users-permissions-jwt-secret'),
      },
    },
    solidarity: {
      enabled: true,
      resolve: './cms',
      config: {
        locales: env.array('SOLIDARITY_LOCALES', ['en', 'ca', 'es', 'el', 'fr']),
        defaultLocale: env('SOLIDARITY_DEFAULT_LOCALE', 'en'),
        demo: {
          // Demo content is loaded once, into an empty database.
          content: env.bool('SEED_DEMO', !production),
          admin:
            explicitAdmin || !production
              ? {
                  email: env('ADMIN_EMAIL', DEMO_ADMIN_EMAIL),
                  password: env('ADMIN_PASSWORD', DEMO_ADMIN_PASSWORD),
                  isDefault: !explicitAdmin,
                }
              : null,
        },
      },
    },
  };
};
