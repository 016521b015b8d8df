import { startSmtpSink, type SmtpSink } from '../../cms/server/src/submissions/testing/smtp-sink';
import { startStrapi, type TestApp } from './strapi';

/** Strapi and the SMTP sink its mails go to (startStrapiWithMailSink). */
export interface AppWithMailSink {
  app: TestApp;
  sink: SmtpSink;
}

/**
 * Boots Strapi (startStrapi, a fresh database) with Strapi's email plugin sending to a new local SMTP
 * sink (SMTP_HOST/SMTP_PORT, config/plugins.ts), and the public submission route's rate limits raised
 * to 10,000 points so that a suite can submit as often as it needs (ratelimit*.test.ts tests the limits).
 * `env` adds to those variables or overrides them (ALTCHA_ENABLED, NOTIFY_EDITORS, EMAIL_FROM...).
 * The caller stops both: `await app.stop(); await sink.close()`.
 */
export const startStrapiWithMailSink = async (env: Record<string, string> = {}): Promise<AppWithMailSink> => {
  const sink = await startSmtpSink();
  try {
    const app = await startStrapi({
      env: {
        SUBMISSIONS_RATE_IP_POINTS: '10000',
        SUBMISSIONS_RATE_ORIGIN_POINTS: '10000',
        SUBMISSIONS_RATE_ATTEMPTS_POINTS: '10000',
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(sink.port),
        ...env,
      },
    });
    return { app, sink };
  } catch (error) {
    await sink.close();
    throw error;
  }
};
