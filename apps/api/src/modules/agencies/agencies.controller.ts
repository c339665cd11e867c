import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { agencySchema, createAgencySchema, updateAgencySchema, type CreateAgency, type UpdateAgency } from '@lintas/contracts';
import { z } from 'zod';
import { ApiZodBody, ApiZodCreated, ApiZodOk } from '../../common/openapi';
import { ZodPipe } from '../../common/validation';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { AgenciesService } from './agencies.service';
import { uuidParam } from '../../common/uuid-param';

@ApiTags('agencies')
@ApiBearerAuth()
@Controller('agencies')
export class AgenciesController {
  constructor(private readonly agencies: AgenciesService) {}

  /** Any signed-in user: needed to pick participants and TLP:RED recipients. */
  @Get()
  @ApiZodOk(z.array(agencySchema), 'Agency[]: every agency, by code')
  list() {
    return this.agencies.list();
  }

  @Get(':id')
  @ApiZodOk(agencySchema, 'The agency')
  get(@Param('id', uuidParam('Agency id')) id: string) {
    return this.agencies.get(id);
  }

  @Post()
  @ApiZodBody(createAgencySchema, { code: 'KH-GDI', name: 'General Department of Immigration', country: 'KH', kind: 'immigration' })
  @ApiZodCreated(agencySchema, 'The agency')
  create(@CurrentUser() user: AuthUser, @Body(new ZodPipe(createAgencySchema)) body: CreateAgency) {
    return this.agencies.create(user, body);
  }

  @Patch(':id')
  @ApiZodBody(updateAgencySchema, { name: 'General Department of Immigration (Cambodia)' })
  @ApiZodOk(agencySchema, 'The agency as updated')
  update(@CurrentUser() user: AuthUser, @Param('id', uuidParam('Agency id')) id: string, @Body(new ZodPipe(updateAgencySchema)) body: UpdateAgency) {
    return this.agencies.update(user, id, body);
  }
}
