"""1EdTech CASE 1.0 / 1.1 import and export.

Pure logic lives in ``parse`` (bytes → packages), ``validate`` (schema and graph checks with
JSON-path errors), ``classify`` (tree, kind, learning area, order), ``rubrics`` (CFRubrics →
scales) and ``canonical`` (hashing). ``services.case_package_import`` writes;
``selectors.case_package_get`` reads a stored version back as a CFPackage; ``tasks`` runs
web imports in the background.
"""
