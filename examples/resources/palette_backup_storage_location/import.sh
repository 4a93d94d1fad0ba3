# A location is imported by its kind (its block) and its name or uid, with `tenant/` in front for
# a tenant location. Palette never returns secrets, so after an import the next plan shows one
# in-place update when the configuration sets a `_wo_version`: it sends the secret again.
terraform import palette_backup_storage_location.s3 s3/team-backups
