import { Module } from '@nestjs/common';
import { CoursesModule } from '../courses/courses.module.js';
import { CourseEvaluationResolver, EvaluationsResolver } from './evaluations.resolver.js';
import { EvaluationsService } from './evaluations.service.js';

@Module({ imports: [CoursesModule], providers: [EvaluationsService, EvaluationsResolver, CourseEvaluationResolver] })
export class EvaluationsModule {}
