import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';
import { PERMISSIONS } from '../../pluginId';
import { CallPage } from './CallPage';
import { CallsPage } from './CallsPage';

/** plugins/solidarity/assessment[/:callId], for roles with any of assess, decide and read scores. */
const AssessmentApp = () => (
  <Page.Protect permissions={PERMISSIONS.assessment}>
    <Routes>
      <Route index element={<CallsPage />} />
      <Route path=":callId" element={<CallPage />} />
    </Routes>
  </Page.Protect>
);

export default AssessmentApp;
