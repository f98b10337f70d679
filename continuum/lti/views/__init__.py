"""The LTI views: what the LMS reaches (``launch``) and the district admin's and
educators' pages (``admin``)."""
