/**
 * altcha-lib 2 keeps the v1 proof of work (SHA-256 up to `maxNumber`, the
 * format the ALTCHA widget's `challengeurl` speaks) under the `altcha-lib/v1`
 * export. The root tsconfig resolves modules the Node 10 way, which ignores
 * package exports, so the types are pointed at by hand; Node resolves the
 * runtime path through the exports map.
 */
declare module 'altcha-lib/v1' {
  export * from 'altcha-lib/dist/cjs/v1/index';
  export type { Challenge, Payload, Solution } from 'altcha-lib/dist/cjs/v1/types';
}
