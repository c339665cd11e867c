import { createContext, useContext } from 'react';
import type { AdministrationApi } from '../../api/administration-api';

export const AdminApiContext = createContext<AdministrationApi | null>(null);

export function useAdminApi(): AdministrationApi {
  const api = useContext(AdminApiContext);
  if (!api) throw new Error('useAdminApi: render inside <AdminPage>');
  return api;
}
