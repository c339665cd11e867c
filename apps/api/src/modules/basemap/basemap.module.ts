import { Module } from '@nestjs/common';
import { BasemapController } from './basemap.controller';
import { BasemapService } from './basemap.service';

@Module({ controllers: [BasemapController], providers: [BasemapService] })
export class BasemapModule {}
