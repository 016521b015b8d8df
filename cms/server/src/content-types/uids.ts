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

/** Plural names used in the public routes (`/api/solidarity/<plural>`). */
export const PLURAL: Record<ContentTypeName, string> = {
  topic: 'topics',
  organisation: 'organisations',
  call: 'calls',
  practice: 'practices',
  session: 'sessions',
  statement: 'statements',
};

const capitalized = (type: ContentTypeName) => type.charAt(0).toUpperCase() + type.slice(1);

/** Names of the public controller's handlers, shared by the routes and the controller. */
export const HANDLERS = {
  list: (type: ContentTypeName) => `find${capitalized(type)}s`,
  one: (type: ContentTypeName) => `findOne${capitalized(type)}`,
};
