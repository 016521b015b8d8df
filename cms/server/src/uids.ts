export const UID = {
  topic: 'plugin::solidarity.topic',
  organisation: 'plugin::solidarity.organisation',
  call: 'plugin::solidarity.call',
  practice: 'plugin::solidarity.practice',
  session: 'plugin::solidarity.session',
  statement: 'plugin::solidarity.statement',
} as const;

export type ContentTypeName = keyof typeof UID;
export type SolidarityUID = (typeof UID)[ContentTypeName];
export const CONTENT_TYPE_NAMES = Object.keys(UID) as ContentTypeName[];
