import type { Core } from '@strapi/strapi';
import { FICHE_CONFIGURABLE, FICHE_FIELDS, ficheVisibility } from '../../../../cms/shared/fiche';
import { fichePrivateFields } from '../config';
import { UID } from './uids';

/**
 * The network's choice of private fiche fields (plugin option `fiche.privateFields`, env
 * `SOLIDARITY_FICHE_PRIVATE`; cms/shared/fiche.ts), applied to the practice's schema during
 * `register`: a configurable field is `private: true` exactly when the network lists it. Strapi's
 * sanitizers, the public filters, sorts, `fields` and `populate` checks (reads/), the reads'
 * columns (reads/repository.ts), the search index (search/) and every page, feed and export then
 * leave it out, as they leave out the contact.
 */
export const applyFichePrivacy = (strapi: Core.Strapi): void => {
  const privateFields = fichePrivateFields(strapi.plugin('solidarity').config('fiche'));
  for (const model of new Set([strapi.contentType(UID.practice), strapi.getModel(UID.practice)])) {
    for (const key of FICHE_CONFIGURABLE) {
      const attribute = model?.attributes[key] as { private?: boolean } | undefined;
      if (attribute) attribute.private = privateFields.includes(key);
    }
  }
};

/**
 * The fiche fields the public sees in this app, in fiche order: those not private in the practice's
 * schema once `applyFichePrivacy` ran (the contact never is).
 */
export const publicFicheKeys = (strapi: Core.Strapi): string[] => {
  const model = strapi.getModel(UID.practice);
  return FICHE_FIELDS.filter((f) => model.attributes[f.key] && (model.attributes[f.key] as { private?: boolean }).private !== true).map((f) => f.key);
};

/** `{ public, private }` fiche keys of this app (the plugin option read as at start). */
export const ficheVisibilityOf = (strapi: Core.Strapi): { public: string[]; private: string[] } =>
  ficheVisibility(fichePrivateFields(strapi.plugin('solidarity').config('fiche')));
