import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';
import { PERMISSIONS } from '../../pluginId';
import { DetailPage } from './DetailPage';
import { ListPage } from './ListPage';

/** plugins/solidarity/submissions[/:documentId], only for roles with `plugin::solidarity.review`. */
const SubmissionsApp = () => (
  <Page.Protect permissions={PERMISSIONS.review}>
    <Routes>
      <Route index element={<ListPage />} />
      <Route path=":documentId" element={<DetailPage />} />
    </Routes>
  </Page.Protect>
);

export default SubmissionsApp;
