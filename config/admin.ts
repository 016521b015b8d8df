import { requireSecret } from './secrets';

export default ({ env }: { env: EnvFn }) => ({
  auth: {
    secret: requireSecret(env, 'ADMIN_JWT_SECRET', 'dev-only-admin-jwt-secret'),
  },
  apiToken: {
    salt: requireSecret(env, 'API_TOKEN_SALT', 'dev-only-api-token-salt'),
  },
  transfer: {
    token: {
      salt: requireSecret(env, 'TRANSFER_TOKEN_SALT', 'dev-only-transfer-token-salt'),
    },
  },
  secrets: {
    encryptionKey: requireSecret(env, 'ENCRYPTION_KEY', 'dev-only-encryption-key-0123456789'),
  },
  flags: {
    nps: false,
    promoteEE: false,
  },
  // Where the admin panel is served; PUBLIC_URL + /admin unless set.
  url: env('ADMIN_URL', '/admin'),
});
