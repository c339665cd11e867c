import { Body, Controller, Get, Param, Put, Query, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { afterActionQuerySchema, operationLessonsSchema, saveLessonsSchema, type AfterActionQuery, type OperationLessons, type SaveLessons } from '@lintas/contracts';
import type { Response } from 'express';
import { ApiBinaryOk, ApiZodBody, ApiZodOk, ApiZodQuery } from '../../common/openapi';
import { uuidParam } from '../../common/uuid-param';
import { ZodPipe } from '../../common/validation';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { AfterActionService } from './after-action.service';
import { LessonsService } from './lessons.service';

@ApiTags('operations')
@ApiBearerAuth()
@Controller('operations/:id')
export class AfterActionController {
  constructor(
    private readonly reports: AfterActionService,
    private readonly lessons: LessonsService,
  ) {}

  @Get('after-action-report')
  @ApiOperation({
    summary: "The after-action report as PDF, for the caller's view only",
    description:
      'Cover, overview with the area map, figures, timeline of key events, lessons and improvement actions, and an annex of ' +
      'the reports included: everything the caller may see under the handling markings, and nothing else. Every page carries ' +
      'the most restrictive marking of the contents (also in the `X-Lintas-Marking` header). The period defaults to the ' +
      "operation's (`from`, `to` narrow it). In the caller's language (`lang`, else the saved preference, else English) and " +
      'times (`time`: `utc`, or `local` in `timeZone`, else the operation’s zone; else the saved choice). ' +
      "Printed by headless Chromium from the dashboard's print page; each generation is audited.",
  })
  @ApiZodQuery(afterActionQuerySchema)
  @ApiBinaryOk('application/pdf', 'The PDF')
  @ApiBadRequestResponse({ description: 'from/to not ISO 8601 or out of order; lang not a language tag; time or timeZone unknown' })
  @ApiUnauthorizedResponse({ description: 'No, an invalid or an expired access token' })
  @ApiNotFoundResponse({ description: "The operation does not exist or the caller's agency does not take part in it" })
  @ApiServiceUnavailableResponse({ description: 'No headless Chromium (CHROMIUM_PATH) or no dashboard build on the server: code pdf_renderer_unavailable' })
  async afterActionReport(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('id')) id: string,
    @Query(new ZodPipe(afterActionQuerySchema)) query: AfterActionQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const { pdf, data } = await this.reports.pdf(user, id, query);
    response.setHeader('X-Lintas-Marking', data.marking);
    response.setHeader('Cache-Control', 'no-store');
    return new StreamableFile(pdf, { type: 'application/pdf', disposition: `attachment; filename="${data.operation.code}-after-action.pdf"`, length: pdf.length });
  }

  @Get('lessons')
  @ApiOperation({ summary: 'Lessons identified and improvement actions of the operation (empty when their marking keeps them from the caller)' })
  @ApiZodOk(operationLessonsSchema, '{ operationId, marking, items: [{ lesson, action, owner, dueDate }], updatedAt, updatedBy }')
  @ApiUnauthorizedResponse({ description: 'No, an invalid or an expired access token' })
  @ApiNotFoundResponse({ description: "The operation does not exist or the caller's agency does not take part in it" })
  getLessons(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id')) id: string): Promise<OperationLessons> {
    return this.lessons.get(user, id);
  }

  @Put('lessons')
  @ApiOperation({ summary: "Replace the lessons and improvement actions (a commander of the lead agency; also once the operation is closed)" })
  @ApiZodBody(saveLessonsSchema, { marking: 'TLP:AMBER', items: [{ lesson: 'River crossings peaked after 22:00', action: 'Night river patrol from 21:00', owner: 'KH-GDI river unit', dueDate: '2027-01-15' }] })
  @ApiZodOk(operationLessonsSchema, 'The lessons as saved')
  @ApiBadRequestResponse({ description: 'Body not valid' })
  @ApiForbiddenResponse({ description: 'Not a commander of the lead agency' })
  @ApiNotFoundResponse({ description: "The operation does not exist or the caller's agency does not take part in it" })
  saveLessons(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id')) id: string, @Body(new ZodPipe(saveLessonsSchema)) body: SaveLessons): Promise<OperationLessons> {
    return this.lessons.save(user, id, body);
  }
}
