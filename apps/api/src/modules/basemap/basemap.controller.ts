import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AppError } from '../../common/app-error';
import { ApiBinaryOk } from '../../common/openapi';
import { Public } from '../auth/public.decorator';
import { BasemapService } from './basemap.service';

/**
 * The map's ground, served by the API itself (no tile server, no internet): public like the
 * dashboard's own files, since it holds only published geography, never operational data.
 */
@ApiTags('basemap')
@Public()
@Controller('basemap')
export class BasemapController {
  constructor(private readonly basemap: BasemapService) {}

  @Get('ground/:z/:x/:file')
  @ApiOperation({ summary: 'A tile of the default offline ground layers (GSHHG 2.3.7 shorelines, borders, rivers) as a Mapbox vector tile, e.g. ground/10/813/484.mvt' })
  @ApiBinaryOk('application/vnd.mapbox-vector-tile', 'Layers `shorelines`, `borders`, `rivers` (property `level`: 0 = drawn bank to bank … 3 = minor)')
  @ApiBadRequestResponse({ description: '`invalid_tile`' })
  async ground(@Param('z') z: string, @Param('x') x: string, @Param('file') file: string, @Res() response: Response): Promise<void> {
    const y = /^(\d{1,6})\.mvt$/.exec(file)?.[1];
    if (y === undefined) throw new AppError(400, 'invalid_tile', `No tile ${z}/${x}/${file}: the name is the row followed by .mvt`);
    const tile = await this.basemap.groundTile(z, x, y);
    response.setHeader('Content-Type', 'application/vnd.mapbox-vector-tile');
    // The data changes only with a new release of Lintas.
    response.setHeader('Cache-Control', 'public, max-age=86400');
    response.end(Buffer.from(tile.buffer, tile.byteOffset, tile.byteLength));
  }

  @Get('archive.pmtiles')
  @ApiOperation({ summary: 'The vector basemap archive placed on the server (BASEMAP_PMTILES), read by the browser with HTTP range requests' })
  @ApiBinaryOk('application/octet-stream', 'The archive, or a part of it (206) for a `Range` request')
  @ApiNotFoundResponse({ description: '`basemap_not_configured`' })
  archive(@Res() response: Response): void {
    const path = this.basemap.archivePath();
    response.sendFile(path, { acceptRanges: true, cacheControl: true, maxAge: '1h', headers: { 'Content-Type': 'application/octet-stream' } }, (error) => {
      if (error && !response.headersSent) response.status(404).json({ statusCode: 404, error: 'Not Found', code: 'not_found', message: 'The basemap archive could not be read' });
    });
  }
}
