import { BaseMap } from '../map/base-map';
import { useClientConfig } from './client-config';

/** The operations room's map. Operational layers (sites, teams, interceptions, alerts) mount inside `BaseMap`. */
export function MapPage() {
  const { config } = useClientConfig();
  return <BaseMap tileUrl={config?.tileUrl} tileAttribution={config?.tileAttribution} />;
}
