import type { Report, ReportSummary } from '@lintas/contracts';

/** What `ReportsLayer` (map/layers/reports-layer.tsx) reads of a report: its marker and its label. */
type ReadByReportsLayer = Pick<Report, 'id' | 'lat' | 'lon' | 'kind' | 'status' | 'marking' | 'title'>;
/** Fails to compile if the summary ever loses a field the layer reads. */
const summaryCarriesWhatTheLayerReads: ReportSummary extends ReadByReportsLayer ? true : never = true;
void summaryCarriesWhatTheLayerReads;

/**
 * The store holds reports as summaries (the compact snapshot), and the layer's props still name
 * the full `Report` although it reads only the summary's fields (checked above). Until the layer's
 * owner widens its prop to `ReportSummary`, this is the one place that says so.
 */
export function forReportsLayer(reports: readonly ReportSummary[]): readonly Report[] {
  return reports as readonly Report[];
}
