// The hub: enrolment, ingest, totals.
