import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/public.decorator';
import type { ClientConfig } from '@lintas/contracts';
import { APP_CONFIG, type AppConfig } from '../../config/config';

/** What the dashboard needs to know about this server before signing in: map settings. */
@ApiTags('config')
@Public()
@Controller('client-config')
export class ClientConfigController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get()
  @ApiOkResponse({ description: 'Map settings for the dashboard' })
  get(): ClientConfig {
    return {
      tileUrl: this.config.map.tileUrl,
      tileAttribution: this.config.map.tileAttribution,
      demo: this.config.demo.enabled,
      positionStaleSeconds: this.config.positionStaleSeconds,
      vectorBasemap: this.config.map.basemapPmtiles !== null,
    };
  }
}
