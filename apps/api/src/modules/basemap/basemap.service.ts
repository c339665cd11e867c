import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AppError } from '../../common/app-error';
import { GROUND_MAX_ZOOM, GroundTiles } from './ground-tiles';

/** The ground layers' tiles (indexed on first use, in a worker thread) and the operator's archive. */
@Injectable()
export class BasemapService implements OnModuleDestroy {
  private ground: GroundTiles | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  groundTile(zParam: string, xParam: string, yParam: string): Promise<Uint8Array> {
    const [z, x, y] = [zParam, xParam, yParam].map((value) => (/^\d{1,6}$/.test(value) ? Number(value) : NaN));
    if (!Number.isInteger(z) || z > GROUND_MAX_ZOOM || !(x < 2 ** z) || !(y < 2 ** z)) {
      throw new AppError(400, 'invalid_tile', `No tile ${zParam}/${xParam}/${yParam}: zoom 0–${GROUND_MAX_ZOOM}, x and y from 0 to 2^zoom − 1`);
    }
    this.ground ??= new GroundTiles();
    return this.ground.tile(z, x, y);
  }

  async onModuleDestroy(): Promise<void> {
    await this.ground?.close();
    this.ground = null;
  }

  /** The PMTiles archive's path, checked to exist at start (config). */
  archivePath(): string {
    const path = this.config.map.basemapPmtiles;
    if (!path) throw new AppError(404, 'basemap_not_configured', 'This server has no vector basemap archive (BASEMAP_PMTILES is not set)');
    return path;
  }
}
