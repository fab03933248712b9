// Settings the server hands to the console: optional map tiles and the release version.
import { api } from './client';

export interface ClientConfig {
  mapTileUrl: string | null;
  mapAttribution: string | null;
  version: string;
}

export const fetchClientConfig = () => api.get<ClientConfig>('/api/v1/config/client');
