"""Writes about evidence and estimates. Each module owns one job; views, the API and the
CSV import all call these, so the rules (scale, permission, audit) hold everywhere."""
