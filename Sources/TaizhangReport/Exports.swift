// The report's model and arithmetic (MonthlyReport, ReportRow, Movement, LedgerReplay,
// ReportPeriod, ReportError) live in the domain module, shared with the storage Kits; the
// writers here build on them, and whoever imports TaizhangReport sees them too.
@_exported import TaizhangCore
