import { ACTIVE_MIME_TYPES, ALLOWED_UPLOAD_TYPES } from '../cms/server/src/uploads/active-content';
import { requireSecret } from './secrets';
import { SHIPPED_LOCALES } from '../cms/shared/locales';

export const DEMO_ADMIN_EMAIL = 'admin@solidarity.example';
export const DEMO_ADMIN_PASSWORD = 'Solidarity-2026';

/** Comma-separated list from the environment, blanks dropped. */
const list = (value: string): string[] =>
  value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * Where uploaded files are stored: the local disk (`public/uploads`, Strapi's `local` provider) unless
 * `S3_BUCKET` is set, then an S3-compatible store through `@strapi/provider-upload-aws-s3` (README
 * "Several instances"), so that every instance behind a load balancer reads the files any of them wrote.
 * Files are sent with their type and a Content-Disposition per type (cms/server/src/uploads/store.ts).
 */
const uploadStore = (env: EnvFn) => {
  const bucket = env('S3_BUCKET', '');
  if (!bucket) return {};
  const endpoint = env('S3_ENDPOINT', '');
  const accessKeyId = env('S3_ACCESS_KEY_ID', '');
  const acl = env('S3_ACL', 'public-read');
  return {
    provider: 'aws-s3',
    providerOptions: {
      // Files' public URLs: this base + the object key (a CDN, the store's public host, or a proxy path).
      ...(env('S3_PUBLIC_URL', '') ? { baseUrl: env('S3_PUBLIC_URL', '') } : {}),
      ...(env('S3_ROOT_PATH', '') ? { rootPath: env('S3_ROOT_PATH', '') } : {}),
      s3Options: {
        region: env('S3_REGION', 'us-east-1'),
        ...(endpoint ? { endpoint } : {}),
        // MinIO, Garage, Ceph and most self-hosted stores need path-style URLs (http://host/bucket/key).
        forcePathStyle: env.bool('S3_FORCE_PATH_STYLE', Boolean(endpoint)),
        ...(accessKeyId ? { credentials: { accessKeyId, secretAccessKey: env('S3_SECRET_ACCESS_KEY', '') } } : {}),
        // S3_ACL=none for buckets without ACLs (AWS's default since 2023, Cloudflare R2): the bucket policy makes files public.
        params: { Bucket: bucket, ...(acl === 'none' ? { ACL: undefined } : { ACL: acl }) },
      },
    },
  };
};

export default ({ env }: { env: EnvFn }) => {
  const smtpHost = env('SMTP_HOST', '');
  const explicitAdmin = Boolean(env('ADMIN_EMAIL', '') && env('ADMIN_PASSWORD', ''));
  const production = process.env.NODE_ENV === 'production';
  return {
    // users-permissions must bootstrap before the solidarity plugin on a fresh database.
    'users-permissions': {
      config: {
        jwtSecret: requireSecret(env, 'JWT_SECRET', 'dev-only-users-permissions-jwt-secret'),
      },
    },
    // Strapi checks each upload's detected type against these lists (by magic bytes); the plugin's
    // upload-guard also sniffs text formats, which have none (cms/server/src/uploads).
    upload: {
      config: {
        security: { allowedTypes: ALLOWED_UPLOAD_TYPES, deniedTypes: [...ACTIVE_MIME_TYPES] },
        ...uploadStore(env),
      },
    },
    solidarity: {
      enabled: true,
      resolve: './cms',
      config: {
        locales: env.array('SOLIDARITY_LOCALES', [...SHIPPED_LOCALES]),
        defaultLocale: env('SOLIDARITY_DEFAULT_LOCALE', 'en'),
        // e.g. {"ca":["es","en"],"el":["en"]}: then the default locale, then any language (README "Languages")
        fallbacks: env.json('SOLIDARITY_FALLBACKS', {}),
        // Which fiche fields the network keeps private (README "Content model"); unset: the budget details only.
        ...(process.env.SOLIDARITY_FICHE_PRIVATE !== undefined ? { fiche: { privateFields: list(env('SOLIDARITY_FICHE_PRIVATE', '')) } } : {}),
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
        // Public submissions (README "Submissions and privacy").
        allowedOrigins: list(env('SUBMISSIONS_ALLOWED_ORIGINS', '')),
        allowNoOrigin: env.bool('SUBMISSIONS_ALLOW_NO_ORIGIN', true),
        submissions: { maxBodyBytes: env.int('SUBMISSIONS_MAX_BODY_BYTES', 64 * 1024) },
        altcha: {
          enabled: env.bool('ALTCHA_ENABLED', true),
          hmacKey: env('ALTCHA_HMAC_KEY', ''),
          maxNumber: env.int('ALTCHA_MAX_NUMBER', 100_000),
          expiresSeconds: env.int('ALTCHA_EXPIRES_SECONDS', 600),
        },
        rateLimit: {
          ip: { points: env.int('SUBMISSIONS_RATE_IP_POINTS', 5), duration: env.int('SUBMISSIONS_RATE_IP_SECONDS', 600) },
          origin: {
            points: env.int('SUBMISSIONS_RATE_ORIGIN_POINTS', 60),
            duration: env.int('SUBMISSIONS_RATE_ORIGIN_SECONDS', 3600),
          },
          attempts: {
            points: env.int('SUBMISSIONS_RATE_ATTEMPTS_POINTS', 30),
            duration: env.int('SUBMISSIONS_RATE_ATTEMPTS_SECONDS', 600),
          },
          redisUrl: env('REDIS_URL', ''),
          keyPrefix: env('REDIS_KEY_PREFIX', 'solidarity'),
        },
        notifications: {
          editors: list(env('NOTIFY_EDITORS', '')),
          delivery: env('NOTIFICATIONS_DELIVERY', 'auto'),
          adminUrl: env('ADMIN_PUBLIC_URL', ''),
        },
        // PostgreSQL: the public reads' statements prepared by name; false behind a pooler in transaction
        // mode that does not track them (pgbouncer before 1.21 or without max_prepared_statements).
        database: { preparedStatements: env.bool('DATABASE_PREPARED_STATEMENTS', true) },
        // The contact's link to complete a submission's fiche (README "Completing a fiche with the submitter").
        completion: {
          expiryDays: env.int('COMPLETION_LINK_DAYS', 14),
          hmacKey: env('COMPLETION_HMAC_KEY', ''),
        },
      },
    },
    // Mail through SMTP when SMTP_HOST is set; without it the plugin only logs its notifications.
    ...(smtpHost
      ? {
          email: {
            config: {
              provider: 'nodemailer',
              providerOptions: {
                host: smtpHost,
                port: env.int('SMTP_PORT', 587),
                secure: env.bool('SMTP_SECURE', env.int('SMTP_PORT', 587) === 465),
                ...(env('SMTP_USER', '') ? { auth: { user: env('SMTP_USER', ''), pass: env('SMTP_PASSWORD', '') } } : {}),
              },
              settings: {
                defaultFrom: env('EMAIL_FROM', 'Solidarity Commons <no-reply@localhost>'),
                ...(env('EMAIL_REPLY_TO', '') ? { defaultReplyTo: env('EMAIL_REPLY_TO', '') } : {}),
              },
            },
          },
        }
      : {}),
  };
};
