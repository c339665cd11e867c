import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { createSiteSchema, siteQuerySchema, siteSchema, updateSiteSchema, type CreateSite, type SiteQuery, type UpdateSite } from '@lintas/contracts';
import { z } from 'zod';
import { ApiZodBody, ApiZodCreated, ApiZodOk, ApiZodQuery } from '../../common/openapi';
import { uuidParam } from '../../common/uuid-param';
import { ZodPipe } from '../../common/validation';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { SitesService } from './sites.service';

@ApiTags('sites')
@ApiBearerAuth()
@Controller('sites')
export class SitesController {
  constructor(private readonly sites: SitesService) {}

  /** e.g. `?q=bavet`, `?bbox=104.5,10.3,106.5,11.5&kind=river`, `?country=TH` */
  @Get()
  @ApiZodQuery(siteQuerySchema)
  @ApiZodOk(z.array(siteSchema), 'Site[]: the border sites that match')
  search(@Query(new ZodPipe(siteQuerySchema)) query: SiteQuery) {
    return this.sites.search(query);
  }

  @Get(':id')
  @ApiZodOk(siteSchema, 'The site')
  get(@Param('id', uuidParam('Site id')) id: string) {
    return this.sites.get(id);
  }

  @Post()
  @ApiZodBody(createSiteSchema, { code: 'kh-koh-kong', name: 'Koh Kong port', kind: 'sea', country: 'KH', counterpart: null, lat: 11.61, lon: 102.98 })
  @ApiZodCreated(siteSchema, 'The site')
  create(@CurrentUser() user: AuthUser, @Body(new ZodPipe(createSiteSchema)) body: CreateSite) {
    return this.sites.create(user, body);
  }

  @Patch(':id')
  @ApiZodBody(updateSiteSchema, { lat: 11.068, lon: 106.121 })
  @ApiZodOk(siteSchema, 'The site as updated')
  update(@CurrentUser() user: AuthUser, @Param('id', uuidParam('Site id')) id: string, @Body(new ZodPipe(updateSiteSchema)) body: UpdateSite) {
    return this.sites.update(user, id, body);
  }
}
